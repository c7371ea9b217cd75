using RaftOrchestrator.Controllers.Manager;

namespace RaftOrchestrator.Controllers.Tests.Manager;

public sealed class ControllerSelectionTests
{
    private static readonly string[] s_known = ["replicaset", "deployment", "garbagecollector"];

    [Theory]
    [InlineData("", "replicaset,deployment,garbagecollector")]
    [InlineData("*", "replicaset,deployment,garbagecollector")]
    [InlineData("*,-garbagecollector", "replicaset,deployment")]
    [InlineData("deployment", "deployment")]
    [InlineData("-deployment,deployment", "deployment")]
    [InlineData("deployment,-deployment", "")]
    public void TryParse_EnablesWhatTheListSays(string text, string expected)
    {
        Assert.True(ControllerSelection.TryParse(text, s_known, out ControllerSelection selection, out string? error), error);

        Assert.Equal(expected, string.Join(',', s_known.Where(selection.IsEnabled)));
    }

    [Fact]
    public void TryParse_UnknownName_IsAnErrorNamingIt()
    {
        Assert.False(ControllerSelection.TryParse("*,-replcaset", s_known, out _, out string? error));

        Assert.Contains("\"replcaset\"", error, StringComparison.Ordinal);
    }
}
