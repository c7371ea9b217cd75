namespace RaftOrchestrator.Client.Tests.Leader;

/// <summary>One term as the test saw it: from the elector's acquire time until its token was cancelled (fake time).</summary>
internal sealed class TermRecord(string identity, int transitions, DateTimeOffset start)
{
    public string Identity { get; } = identity;

    public int Transitions { get; } = transitions;

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset? End { get; set; }

    public override string ToString() => $"{Identity}#{Transitions} [{Start:HH:mm:ss.fff}, {End?.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture) ?? "..."})";
}
