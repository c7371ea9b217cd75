using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>
/// What one manifest (a file, or an HTTP body) gave: its pods, defaulted and validated, or why it gave none.
/// A manifest is all or nothing: a list with one bad pod is an error, as the kubelet's decoding is.
/// </summary>
public sealed record ManifestRead(IReadOnlyList<Pod> Pods, string? Error)
{
    public bool IsOk => Error is null;

    public static ManifestRead Ok(params Pod[] pods) => new(pods, null);

    public static ManifestRead Fail(string error) => new([], error);
}
