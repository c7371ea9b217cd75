using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Tests.Logs;

public sealed class ContainerLogPathsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Relative_NameAndAttempt_IsTheKubeletLayout()
    {
        Assert.Equal(Path.Combine("web", "3.log"), ContainerLogPaths.Relative("web", 3));
    }

    [Fact]
    public void FindPrevious_SomeAttemptsRemoved_AnswersTheHighestBelowCurrent()
    {
        Directory.CreateDirectory(_directory.Combine("web"));
        foreach (string name in new[] { "0.log", "2.log", "5.log", "x.log", "4.txt" })
        {
            File.WriteAllText(_directory.Combine("web", name), "");
        }

        Assert.Equal(_directory.Combine("web", "2.log"), ContainerLogPaths.FindPrevious(_directory.Path, "web", 5));
        Assert.Equal(_directory.Combine("web", "5.log"), ContainerLogPaths.FindPrevious(_directory.Path, "web", 9));
        Assert.Null(ContainerLogPaths.FindPrevious(_directory.Path, "web", 0));
        Assert.Null(ContainerLogPaths.FindPrevious(_directory.Path, "other", 3));
    }
}
