namespace RaftOrchestrator.Server.Kube.Auth;

/// <summary>
/// The user of a request that never crossed a socket: the in-process client sets it on its HttpContext, and the
/// router takes it instead of authenticating credentials. Internal to the server, so only the server's own code
/// can attach it; Kestrel's connections never carry it, whatever a remote client sends.
/// </summary>
internal sealed class TrustedUserFeature(UserInfo user)
{
    public UserInfo User => user;
}
