using RaftOrchestrator.Chaos.Runner.Profiles;

namespace RaftOrchestrator.Chaos.Runner;

/// <summary>One run's parameters: `ro-chaos run --profile P --seed N --members M --out DIR`.</summary>
internal sealed record RunSettings(RunProfile Profile, int Seed, int Members, string OutDirectory)
{
    /// <summary>rorch.dll; found from the build output when null.</summary>
    public string? RorchDll { get; init; }

    /// <summary>Keep the cluster's data and logs (OutDirectory/cluster) even when every checker passed.</summary>
    public bool KeepCluster { get; init; }

    /// <summary>Extra `rorch server` flags for every member (e.g. "--election-timeout=1000"), after the suite's own.</summary>
    public IReadOnlyList<string> ServerArgs { get; init; } = [];
}
