namespace RaftOrchestrator.Server.Kube.Auth;

/// <summary>The authentication stage: who sent the request. Null means the credentials were refused (401).</summary>
public interface IAuthenticator
{
    UserInfo? Authenticate(HttpRequest request);
}
