using System.CommandLine;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// The root command of a benchmark tool: its options, its action, and the expected failures (bad arguments,
/// a cluster that does not come up, a missing file) mapped to exit code 2 with a one-line message.
/// </summary>
public static class BenchCli
{
    public static RootCommand Build(string tool, string description, IEnumerable<Option> options, Func<ParseResult, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = new RootCommand(description);
        foreach (Option option in options)
        {
            root.Options.Add(option);
        }
        root.SetAction(async (parse, ct) =>
        {
            try
            {
                return await run(parse, ct);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or TimeoutException or FileNotFoundException)
            {
                await Console.Error.WriteLineAsync($"{tool}: {e.Message}");
                return 2;
            }
        });
        return root;
    }
}
