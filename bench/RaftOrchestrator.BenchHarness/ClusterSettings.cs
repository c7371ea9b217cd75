namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// What cluster to start: how many replicas (1 = a single --cluster-init member; more join through the first),
/// the arguments every member gets after its own (e.g. --controllers), the temp directory's name prefix, and
/// whether that directory outlives the run.
/// </summary>
public sealed record ClusterSettings(int Size, IReadOnlyList<string> ExtraArgs, string TempPrefix, bool KeepFiles)
{
    /// <summary>How long one member may take to join and serve /readyz.</summary>
    public TimeSpan MemberStartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
