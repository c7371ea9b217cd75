namespace RaftOrchestrator.Scheduling.Tests.Framework;

public sealed class NodesToScoreTests
{
    [Theory]
    [InlineData(0, 50, 50)]
    [InlineData(0, 100, 100)]
    [InlineData(0, 150, 100)]
    [InlineData(0, 1000, 420)]
    [InlineData(0, 5000, 500)]
    [InlineData(0, 6000, 300)]
    [InlineData(0, 10000, 500)]
    [InlineData(30, 1000, 300)]
    [InlineData(1, 1000, 100)]
    [InlineData(100, 5000, 5000)]
    public void FeasibleNodesToFind_AsKubeScheduler(int percentage, int nodes, int expected) =>
        Assert.Equal(expected, NodesToScore.FeasibleNodesToFind(percentage, nodes));
}
