namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// What cluster to start: how many replicas (1 = a single --cluster-init member; more join through the first),
/// the arguments every member gets after its own (e.g. --controllers), the temp directory's name prefix, and
/// whether that directory outlives the run. <see cref="MemberArgs"/> adds arguments to one member (by its index
/// from 0) after those.
/// </summary>
public sealed record ClusterSettings(int Size, IReadOnlyList<string> ExtraArgs, string TempPrefix, bool KeepFiles)
{
    /// <summary>Arguments of member i (0-based) after <see cref="ExtraArgs"/>; null or shorter than Size: none.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? MemberArgs { get; init; }

    /// <summary>Every argument member i (0-based) gets after its own.</summary>
    public IReadOnlyList<string> ArgsOf(int index) =>
        MemberArgs is { } perMember && index < perMember.Count ? [.. ExtraArgs, .. perMember[index]] : ExtraArgs;

    /// <summary>How long one member may take to join and serve /readyz.</summary>
    public TimeSpan MemberStartTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
