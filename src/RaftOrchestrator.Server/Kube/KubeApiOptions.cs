namespace RaftOrchestrator.Server.Kube;

/// <summary>Tunables of the Kubernetes API of a replica.</summary>
public sealed record KubeApiOptions
{
    /// <summary>How often a watch that allows bookmarks gets one (kube-apiserver sends them about once a minute).</summary>
    public TimeSpan WatchBookmarkInterval { get; init; } = TimeSpan.FromSeconds(30);
}
