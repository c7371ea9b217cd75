using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

public sealed class HistoryChecksTests
{
    private static RecordedHistory Healthy(List<Operation> ops, FinalRead final) => new(
        ops,
        [WatchRecord.Connect(1, "m1", "k", 1, 0), WatchRecord.Event(1, "m1", "k", 2, "a", 12),
            WatchRecord.Event(1, "m1", "k", 3, "b", 32)],
        [final],
        [new ClusterSnapshot(9, [new NodeObservation("n1", 1000, 1 << 20, 10)],
            [new PodObservation("u1", "default", "p", "n1", 100, 1024, Ready: true, Deployment: "default/web")],
            [new DeploymentObservation("default", "web", 1)])],
        []);

    [Fact]
    public void CheckAll_HealthyHistory_PassesWithExitCodeZero()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);
        h.Put(1, "k", "b", 20, 30, revision: 3);

        CheckSummary summary = HistoryChecks.CheckAll(Healthy(h.History, new FinalRead("k", "b", 3)));

        Assert.True(summary.ExitCode == 0, summary.Format());
        Assert.Equal(["linearizability", "watch", "lost-writes", "orchestration"], summary.Verdicts.Select(v => v.Checker));
    }

    [Fact]
    public void CheckAll_LostWrite_FailsWithExitCodeOneAndPrintsTheExcerpt()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);
        h.Put(1, "k", "b", 20, 30, revision: 3);

        CheckSummary summary = HistoryChecks.CheckAll(Healthy(h.History, new FinalRead("k", "a", 2)));
        string table = summary.Format();

        Assert.Equal(1, summary.ExitCode);
        Assert.Contains("lost-writes      Fail", table, StringComparison.Ordinal);
        Assert.Contains("lost-writes failed:\nkey k: lost write", table, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckAll_NothingRecordedButKv_IsInconclusiveWithExitCodeTwo()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);

        CheckSummary summary = HistoryChecks.CheckAll(RecordedHistory.Empty with { Operations = h.History, FinalReads = [new FinalRead("k", "a", 2)] });

        Assert.Equal(2, summary.ExitCode);
    }
}
