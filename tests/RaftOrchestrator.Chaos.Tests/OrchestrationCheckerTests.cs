using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

public sealed class OrchestrationCheckerTests
{
    private const long Gi = 1L << 30;

    private static readonly NodeObservation[] s_nodes = [new("n1", 2000, 4 * Gi, 3), new("n2", 2000, 4 * Gi, 3)];

    private static readonly DeploymentObservation[] s_web = [new("default", "web", 2)];

    private static PodObservation Pod(string uid, string? node, long cpu = 500, bool ready = true, bool terminal = false,
        bool terminating = false) =>
        new(uid, "default", "web-" + uid, node, cpu, Gi, ready, terminal, terminating, "default/web");

    [Fact]
    public void Check_HealthyRun_Passes()
    {
        ClusterSnapshot[] snapshots =
        [
            new(10, s_nodes, [Pod("a", null, ready: false), Pod("b", "n2", ready: false)], s_web),
            new(20, s_nodes, [Pod("a", "n1"), Pod("b", "n2"), Pod("c", "n1", terminal: true)], s_web),
        ];
        BindObservation[] binds = [new("a", "n1", 12), new("b", "n2", 9)];

        CheckVerdict verdict = OrchestrationChecker.Check(snapshots, binds);

        Assert.True(verdict.Status == VerdictStatus.Pass, verdict.ToString());
    }

    [Fact]
    public void Check_NodeOverAllocatable_Fails()
    {
        ClusterSnapshot[] snapshots =
        [
            new(10, s_nodes, [Pod("a", "n1", cpu: 1500), Pod("b", "n1", cpu: 1000)], s_web),
            new(20, s_nodes, [Pod("a", "n1", cpu: 1500), Pod("b", "n2", cpu: 1000)], []),
        ];

        CheckVerdict verdict = OrchestrationChecker.Check(snapshots, []);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("node n1 over allocatable at revision 10: cpu 2500m of 2000m", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TooManyPodsOnANode_Fails()
    {
        PodObservation[] pods = [Pod("a", "n1", 1), Pod("b", "n1", 1), Pod("c", "n1", 1), Pod("d", "n1", 1)];

        CheckVerdict verdict = OrchestrationChecker.Check([new ClusterSnapshot(5, s_nodes, pods, [])], []);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("4 pods of 3", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PodMovedToAnotherNode_FailsAsBoundTwice()
    {
        ClusterSnapshot[] snapshots =
        [
            new(10, s_nodes, [Pod("a", "n1"), Pod("b", "n2")], s_web),
            new(20, s_nodes, [Pod("a", "n2"), Pod("b", "n2")], s_web),
        ];

        CheckVerdict verdict = OrchestrationChecker.Check(snapshots, []);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("bound to n1 at revision 10, then on n2 at revision 20", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TwoBindEventsForOnePod_Fails()
    {
        ClusterSnapshot[] snapshots = [new(20, s_nodes, [Pod("a", "n1"), Pod("b", "n2")], s_web)];
        BindObservation[] binds = [new("a", "n1", 12), new("a", "n1", 15), new("b", "n2", 13)];

        CheckVerdict verdict = OrchestrationChecker.Check(snapshots, binds);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("pod a bound 2 times", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DeploymentNotConverged_Fails()
    {
        ClusterSnapshot[] snapshots =
        [
            new(20, s_nodes, [Pod("a", "n1"), Pod("b", "n2", ready: false), Pod("c", "n2", terminating: true)], s_web),
        ];

        CheckVerdict verdict = OrchestrationChecker.Check(snapshots, []);

        Assert.Equal(VerdictStatus.Fail, verdict.Status);
        Assert.Contains("deployment default/web not converged at revision 20: 1 ready of 2 active pods", verdict.Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DeploymentWithExtraPods_Fails()
    {
        ClusterSnapshot[] snapshots = [new(20, s_nodes, [Pod("a", "n1"), Pod("b", "n2"), Pod("c", "n2")], s_web)];

        Assert.Equal(VerdictStatus.Fail, OrchestrationChecker.Check(snapshots, []).Status);
    }
}
