using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Runner.Tests;

/// <summary>`ro-chaos check DIR`: the exit code and the printed excerpt come from the checkers over the folder.</summary>
public sealed class RunnerCliTests
{
    private static Operation Op(long id, int client, OperationKind kind, OperationInput input, long invoke, long ret, OperationOutput output) =>
        new(id, client, kind, "/chaos/reg/k0", input, invoke, ret, OperationOutcome.Ok, output);

    private static RecordedHistory History(string readValue) => RecordedHistory.Empty with
    {
        Operations =
        [
            Op(1, 1, OperationKind.Put, new OperationInput(Value: "c1-1"), 0, 10, new OperationOutput(Revision: 2)),
            Op(2, 1, OperationKind.Put, new OperationInput(Value: "c1-2"), 20, 30, new OperationOutput(Revision: 3)),
            Op(3, 2, OperationKind.Get, OperationInput.None, 40, 50, new OperationOutput(Value: readValue, ModRevision: readValue == "c1-2" ? 3 : 2)),
        ],
        FinalReads = [new FinalRead("/chaos/reg/k0", "c1-2", 3)],
    };

    private static (int Exit, string Output) Check(RecordedHistory history)
    {
        string dir = Directory.CreateTempSubdirectory("ro-chaos-check-").FullName;
        try
        {
            HistoryFiles.Save(dir, history);
            using var output = new StringWriter();
            int exit = RunnerCli.Build(output).Parse(["check", dir]).Invoke();
            return (exit, output.ToString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_stale_read_fails_the_check_with_exit_1_and_its_excerpt()
    {
        (int exit, string output) = Check(History("c1-1"));
        Assert.Equal(1, exit);
        Assert.Contains("linearizability failed", output, StringComparison.Ordinal);
        Assert.Contains("#3 c2 get", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_history_without_watch_or_cluster_records_is_inconclusive_not_passed()
    {
        (int exit, string output) = Check(History("c1-2"));
        Assert.Equal(2, exit);
        Assert.Contains("linearizability  Pass", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ServerArgs_AreRepeatableAndKeptInOrder()
    {
        // A value that starts with "--" must be attached with '=' (apart, it reads as an option of ro-chaos).
        System.CommandLine.ParseResult parse = RunnerCli.Build(TextWriter.Null).Parse(
            ["run", "--server-arg=--election-timeout=1000", "--server-arg=--snapshot-entries=500", "--members", "5"]);

        Assert.True(parse.Errors.Count == 0, string.Join("; ", parse.Errors.Select(e => e.Message)));
        Assert.Equal(["--election-timeout=1000", "--snapshot-entries=500"], parse.GetValue<string[]>("--server-arg")!);
    }

    [Theory]
    [InlineData(new[] { "run" }, true)]
    [InlineData(new[] { "run", "--profile", "long", "--members", "5" }, true)]
    [InlineData(new[] { "run", "--members", "4" }, false)]
    [InlineData(new[] { "run", "--profile", "huge" }, false)]
    public void Run_Options_DefaultsAcceptedAndBadValuesRefused(string[] args, bool valid)
    {
        System.CommandLine.ParseResult parse = RunnerCli.Build(TextWriter.Null).Parse(args);

        Assert.Equal(valid, parse.Errors.Count == 0);
    }
}
