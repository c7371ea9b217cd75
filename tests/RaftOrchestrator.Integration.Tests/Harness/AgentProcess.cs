using System.Diagnostics;
using System.Globalization;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// One `rorch agent --runtime process` of a test, its output in a log file under the cluster's root. Disposing
/// stops exactly this PID with SIGTERM (the agent's runtime then kills its containers' process groups), SIGKILL after
/// a bounded wait.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _logFile;

    private AgentProcess(Process process, string logFile, int port)
    {
        _process = process;
        _logFile = logFile;
        Port = port;
    }

    /// <summary>The agent's HTTP port (the kubelet port the Node publishes).</summary>
    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public static AgentProcess Start(ProcessCluster cluster, string apiUrl, string nodeName)
    {
        int port = Ports.Next();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = cluster.Root };
        foreach (string arg in new[]
        {
            BuiltBinary.Rorch, "agent", "--server", apiUrl, "--runtime", "process", "--node-name", nodeName,
            "--data-dir", Path.Combine(cluster.Root, "agents", nodeName), "--listen", $"127.0.0.1:{port}", "--node-ip", "127.0.0.1",
        })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        string logFile = Path.Combine(cluster.Root, $"agent-{nodeName}.log");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => { lock (log) { log.Dispose(); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AgentProcess(process, logFile, port);
    }

    public string Log()
    {
        using var reader = new StreamReader(new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (Process term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // after the exit
            }
        }
    }
}
