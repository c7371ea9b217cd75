using System.Diagnostics;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>Runs the built roctl (`dotnet roctl.dll ...`) as a process with a bounded time and returns what it printed.</summary>
internal static class Roctl
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs roctl with `--endpoints <paramref name="endpoints"/>` (when given) before the arguments.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string? endpoints, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BuiltBinary.Roctl);
        foreach (string arg in (endpoints is null ? [] : new[] { "--endpoints", endpoints }).Concat(args))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var expiry = new CancellationTokenSource(s_limit);
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"roctl {string.Join(' ', args)} did not finish in {s_limit.TotalSeconds} s.");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs roctl and asserts exit code 0; returns its standard output.</summary>
    public static async Task<string> OkAsync(string? endpoints, params string[] args)
    {
        (int code, string output, string error) = await RunAsync(endpoints, args);
        Assert.True(code == 0, $"roctl {string.Join(' ', args)} exited {code}: {error}{output}");
        return output;
    }

    /// <summary>
    /// The data rows of a table roctl printed to a pipe (ASCII borders), each as column name → cell text.
    /// </summary>
    public static List<Dictionary<string, string>> TableRows(string output)
    {
        string[][] lines = [.. output.Split('\n')
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
        Assert.NotEmpty(lines);
        string[] header = lines[0];
        return [.. lines.Skip(1).Select(cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second))];
    }
}
