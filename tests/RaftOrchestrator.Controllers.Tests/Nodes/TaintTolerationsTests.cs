using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Controllers.Nodes;
using RaftOrchestrator.Scheduling.Plugins.TaintToleration;

namespace RaftOrchestrator.Controllers.Tests.Nodes;

public sealed class TaintTolerationsTests
{
    private static readonly Taint s_taint = new() { Key = "dedicated", Value = "db", Effect = "NoExecute" };

    public static TheoryData<string?, string?, string?, string?, bool> Cases => new()
    {
        // key, operator, value, effect, tolerates
        { "dedicated", "Equal", "db", "NoExecute", true },
        { "dedicated", null, "db", "NoExecute", true },
        { "dedicated", "Equal", "web", "NoExecute", false },
        { "dedicated", "Exists", null, "NoExecute", true },
        { "dedicated", "Exists", null, null, true },
        { "dedicated", "Exists", null, "NoSchedule", false },
        { "other", "Exists", null, "NoExecute", false },
        { null, "Exists", null, null, true },
        { null, "Exists", null, "NoSchedule", false },
        { "dedicated", "Lt", "db", "NoExecute", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tolerates_Table(string? key, string? op, string? value, string? effect, bool expected) =>
        Assert.Equal(expected, Tolerations.Tolerates(new Toleration { Key = key, Operator = op, Value = value, Effect = effect }, s_taint));

    [Fact]
    public void EvictionDeadline_FirstMatchingTolerationCounts()
    {
        var added = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Taint taint = new() { Key = "k", Effect = "NoExecute", TimeAdded = added };
        Toleration[] tolerations =
        [
            new() { Key = "k", Operator = "Exists", TolerationSeconds = 30 },
            new() { Operator = "Exists" },
        ];

        Assert.Equal(added.AddSeconds(30), TaintTolerations.EvictionDeadline(tolerations, [taint], added, out _));
    }

    [Fact]
    public void EvictionDeadline_NegativeSecondsMeanNow_MissingTimeAddedCountsFromSince()
    {
        var since = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Taint taint = new() { Key = "k", Effect = "NoExecute" };

        Assert.Equal(since, TaintTolerations.EvictionDeadline([new Toleration { Key = "k", Operator = "Exists", TolerationSeconds = -5 }], [taint], since, out _));
        Assert.Equal(since.AddSeconds(7), TaintTolerations.EvictionDeadline([new Toleration { Key = "k", Operator = "Exists", TolerationSeconds = 7 }], [taint], since, out _));
        Assert.Equal(DateTime.MinValue, TaintTolerations.EvictionDeadline(null, [taint], since, out Taint? cause));
        Assert.Same(taint, cause);
    }
}
