using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Tests;

public sealed class ReconcileResultTests
{
    [Fact]
    public void Earliest_PrefersFailures_ThenTheShorterDelay()
    {
        ReconcileResult soon = ReconcileResult.After(TimeSpan.FromSeconds(1));
        ReconcileResult later = ReconcileResult.After(TimeSpan.FromSeconds(5));
        Assert.Equal(soon, ReconcileResult.Earliest(later, soon));
        Assert.Equal(later, ReconcileResult.Earliest(ReconcileResult.Done, later));
        Assert.True(ReconcileResult.Earliest(soon, ReconcileResult.Retry("x")).Failed);
    }
}
