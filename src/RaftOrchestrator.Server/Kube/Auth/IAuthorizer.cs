namespace RaftOrchestrator.Server.Kube.Auth;

/// <summary>The authorization stage (RBAC comes in its own issue): may this user do this verb on this resource?</summary>
public interface IAuthorizer
{
    AuthorizationDecision Authorize(UserInfo user, string verb, RequestInfo? resource, string path);
}
