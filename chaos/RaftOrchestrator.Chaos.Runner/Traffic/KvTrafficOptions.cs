namespace RaftOrchestrator.Chaos.Runner.Traffic;

/// <summary>
/// The KV load: clients, each at most <see cref="OpsPerSecond"/> operations a second (one at a time), over
/// <see cref="RegisterKeys"/> single-key registers and <see cref="ListKeys"/> append-only lists under
/// <see cref="Prefix"/>. Every call has <see cref="CallTimeout"/> as its deadline.
/// </summary>
internal sealed record KvTrafficOptions
{
    public const string Prefix = "/chaos/";

    public int Clients { get; init; } = 4;

    public double OpsPerSecond { get; init; } = 15;

    public int RegisterKeys { get; init; } = 4;

    public int ListKeys { get; init; } = 2;

    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts of an append's read-modify-write before it gives up (Failed: no attempt applied).</summary>
    public int AppendAttempts { get; init; } = 8;

    public IReadOnlyList<string> Registers => [.. Enumerable.Range(0, RegisterKeys).Select(i => $"{Prefix}reg/k{i}")];

    public IReadOnlyList<string> Lists => [.. Enumerable.Range(0, ListKeys).Select(i => $"{Prefix}list/l{i}")];

    public IReadOnlyList<string> AllKeys => [.. Registers, .. Lists];
}
