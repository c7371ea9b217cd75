namespace RaftOrchestrator.Server.Kube.Auth;

/// <summary>Every authenticated request is allowed (the default until RBAC lands).</summary>
public sealed class AllowAllAuthorizer : IAuthorizer
{
    public AuthorizationDecision Authorize(UserInfo user, string verb, RequestInfo? resource, string path) => new(true, "");
}
