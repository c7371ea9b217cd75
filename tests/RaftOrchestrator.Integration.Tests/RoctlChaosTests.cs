using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests;

/// <summary>
/// `roctl chaos`: the chaos runner's commands inside roctl. `check` over report folders written here (a full `run`
/// is the runner's own smoke test): a stale read fails with exit 1 and its excerpt, a folder that is not a report
/// is a clear error with exit 2.
/// </summary>
public sealed class RoctlChaosTests
{
    private static Operation Op(long id, int client, OperationKind kind, OperationInput input, long invoke, long ret, OperationOutput output) =>
        new(id, client, kind, "/chaos/reg/k0", input, invoke, ret, OperationOutcome.Ok, output);

    [Fact]
    public async Task ChaosCheck_StaleRead_ExitsOneWithTheExcerpt()
    {
        DirectoryInfo dir = Directory.CreateTempSubdirectory("roctl-chaos-");
        try
        {
            HistoryFiles.Save(dir.FullName, RecordedHistory.Empty with
            {
                Operations =
                [
                    Op(1, 1, OperationKind.Put, new OperationInput(Value: "c1-1"), 0, 10, new OperationOutput(Revision: 2)),
                    Op(2, 1, OperationKind.Put, new OperationInput(Value: "c1-2"), 20, 30, new OperationOutput(Revision: 3)),
                    Op(3, 2, OperationKind.Get, OperationInput.None, 40, 50, new OperationOutput(Value: "c1-1", ModRevision: 2)),
                ],
                FinalReads = [new FinalRead("/chaos/reg/k0", "c1-2", 3)],
            });

            (int code, string output, string error) = await Roctl.RunAsync(null, "chaos", "check", dir.FullName);

            Assert.True(code == 1, $"exit {code}: {error}{output}");
            Assert.Contains("linearizability failed", output, StringComparison.Ordinal);
            Assert.Contains("#3 c2 get /chaos/reg/k0", output, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ChaosCheck_NotAReportFolder_ExitsTwoAndSaysWhy()
    {
        DirectoryInfo empty = Directory.CreateTempSubdirectory("roctl-chaos-empty-");
        try
        {
            (int missingCode, string missing, _) = await Roctl.RunAsync(null, "chaos", "check", Path.Combine(empty.FullName, "absent"));
            (int emptyCode, string noOps, _) = await Roctl.RunAsync(null, "chaos", "check", empty.FullName);

            Assert.Equal(2, missingCode);
            Assert.Contains("cannot read the history", missing, StringComparison.Ordinal);
            Assert.Equal(2, emptyCode);
            Assert.Contains("operations.jsonl", noOps, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
