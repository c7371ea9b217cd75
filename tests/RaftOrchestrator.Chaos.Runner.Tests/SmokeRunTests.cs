using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Profiles;
using RaftOrchestrator.Chaos.Runner.Report;

namespace RaftOrchestrator.Chaos.Runner.Tests;

/// <summary>
/// The CI smoke run: the smoke profile end to end with real processes (three `rorch server` members behind the
/// suite's proxies and `rorch sim-nodes`): three leader kills, a leader partition and a kill-all-restart under KV,
/// watch and Kubernetes traffic, then every checker must pass and the report folder must be complete. Bounded: the
/// run's own waits are bounded by the profile, and the test gives up after 4 minutes.
/// </summary>
public sealed class SmokeRunTests
{
    [Fact]
    public async Task The_smoke_profile_passes_every_checker()
    {
        string dir = Directory.CreateTempSubdirectory("ro-chaos-smoke-").FullName;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromMinutes(4));
        using var output = new StringWriter();
        RunResult result = await ChaosRun.RunAsync(new RunSettings(RunProfile.Smoke, 1, 3, dir), output, bound.Token);
        TestContext.Current.SendDiagnosticMessage(output.ToString());

        Assert.All(result.Summary.Verdicts, v => Assert.True(v.Status == VerdictStatus.Pass, v.ToString() + "\n" + output));
        Assert.Equal(4, result.Summary.Verdicts.Count);
        Assert.Equal(5, result.Faults.Count);
        Assert.True(result.Figures.Ok > 100, output.ToString());
        Assert.True(result.Figures.WatchEvents > 0, output.ToString());
        Assert.True(result.Figures.Converged, output.ToString());
        foreach (string file in new[] { HistoryFiles.OperationsFile, HistoryFiles.WatchFile, HistoryFiles.FinalReadsFile, HistoryFiles.SnapshotsFile,
            ReportWriter.FaultsFile, ReportWriter.VerdictsFile, ReportWriter.SummaryFile, ReportWriter.ChartFile })
        {
            Assert.True(new FileInfo(Path.Combine(dir, file)).Length > 0, file);
        }
        // The folder's history checks the same as the run's.
        Assert.Equal(0, HistoryChecks.CheckAll(HistoryFiles.Load(dir)).ExitCode);
        Directory.Delete(dir, recursive: true);
    }
}
