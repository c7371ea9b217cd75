using System.Diagnostics;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>Runs the real etcdctl (Debian's etcd-client, API v3) with a bounded time and returns what it printed.</summary>
internal static class Etcdctl
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string endpoints, string stdin, params string[] args) =>
        RunAsync(endpoints, stdin, TimeSpan.FromSeconds(30), killAtTimeout: false, args);

    /// <summary>Runs a command that does not end by itself (watch) for <paramref name="duration"/>, then kills it and returns its output.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunForAsync(string endpoints, TimeSpan duration, params string[] args) =>
        RunAsync(endpoints, "", duration, killAtTimeout: true, args);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string endpoints, string stdin, TimeSpan timeout, bool killAtTimeout, string[] args)
    {
        var info = new ProcessStartInfo("etcdctl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.Environment["ETCDCTL_API"] = "3";
        foreach (string arg in new[] { "--endpoints=" + endpoints, "--dial-timeout=3s", "--command-timeout=10s" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("etcdctl did not start (is etcd-client installed?).");
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var expiry = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(expiry.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            if (!killAtTimeout)
            {
                throw new TimeoutException($"etcdctl {string.Join(' ', args)} did not finish in {timeout.TotalSeconds} s.");
            }
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs etcdctl and asserts success; returns its standard output.</summary>
    public static async Task<string> OkAsync(string endpoints, params string[] args)
    {
        (int code, string output, string error) = await RunAsync(endpoints, "", args);
        Assert.True(code == 0, $"etcdctl {string.Join(' ', args)} exited {code}: {error}{output}");
        return output;
    }

    /// <summary>Like <see cref="OkAsync"/>, for the commands that report on standard error (endpoint health).</summary>
    public static async Task<string> OkWithErrorsAsync(string endpoints, params string[] args)
    {
        (int code, string output, string error) = await RunAsync(endpoints, "", args);
        Assert.True(code == 0, $"etcdctl {string.Join(' ', args)} exited {code}: {error}{output}");
        return output + error;
    }
}
