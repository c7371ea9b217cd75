using System.Diagnostics;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// Runs the real kubectl (the dispatcher on PATH picks its 1.32 client from the server's /version) against one
/// kubeconfig with its own discovery cache directory, with a bounded time, and returns what it printed.
/// </summary>
internal sealed class Kubectl(string kubeconfig, string cacheDirectory)
{
    public string Kubeconfig => kubeconfig;

    public async Task<KubectlResult> RunAsync(string[] args, string stdin = "", int timeoutSeconds = 60)
    {
        var info = new ProcessStartInfo("kubectl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["KUBECACHEDIR"] = cacheDirectory;
        info.Environment["HOME"] = cacheDirectory;
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(kubeconfig);
        info.ArgumentList.Add("--cache-dir");
        info.ArgumentList.Add(cacheDirectory);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start.");
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var expiry = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish in {timeoutSeconds} s: {await output}{await error}");
        }
        return new KubectlResult(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts a command that does not end by itself (get -w), runs <paramref name="during"/> while it runs, then
    /// waits until its output contains <paramref name="expected"/> <paramref name="occurrences"/> times (at most <paramref name="seconds"/>) and kills it.
    /// Returns what it printed.
    /// </summary>
    public async Task<string> WatchAsync(string[] args, Func<Task> during, string expected, int seconds = 20, int occurrences = 1)
    {
        var info = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["HOME"] = cacheDirectory;
        foreach (string arg in (string[])["--kubeconfig", kubeconfig, "--cache-dir", cacheDirectory, .. args])
        {
            info.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start.");
        var output = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (output)
            {
                output.AppendLine(e.Data);
                if (System.Text.RegularExpressions.Regex.Count(output.ToString(), System.Text.RegularExpressions.Regex.Escape(expected)) >= occurrences)
                {
                    seen.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        Task<string> error = process.StandardError.ReadToEndAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await during();
            await seen.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync(CancellationToken.None);
        }
        string errors = await error;
        lock (output)
        {
            return output + (seen.Task.IsCompleted ? "" : $"\n[stderr] {errors}");
        }
    }

    /// <summary>Runs kubectl and asserts exit code 0; returns standard output.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        KubectlResult result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Error}\n{result.Output}");
        return result.Output;
    }

    /// <summary>Applies or creates from a manifest given as text (kubectl reads it from stdin with -f -).</summary>
    public async Task<string> OkWithInputAsync(string stdin, params string[] args)
    {
        KubectlResult result = await RunAsync(args, stdin);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Error}\n{result.Output}");
        return result.Output;
    }

    /// <summary>Runs kubectl expecting failure; returns standard error.</summary>
    public async Task<string> FailsAsync(params string[] args)
    {
        KubectlResult result = await RunAsync(args);
        Assert.True(result.ExitCode != 0, $"kubectl {string.Join(' ', args)} should have failed:\n{result.Output}");
        return result.Error;
    }

    public async Task<string> FailsWithInputAsync(string stdin, params string[] args)
    {
        KubectlResult result = await RunAsync(args, stdin);
        Assert.True(result.ExitCode != 0, $"kubectl {string.Join(' ', args)} should have failed:\n{result.Output}");
        return result.Error;
    }
}
