namespace RaftOrchestrator.Server.Kube.Auth;

/// <summary>The authenticated user of a request (authentication/v1 UserInfo).</summary>
public sealed record UserInfo(string Name, string Uid, IReadOnlyList<string> Groups)
{
    public static UserInfo Anonymous { get; } = new("system:anonymous", "", ["system:unauthenticated"]);
}
