using System.Diagnostics;
using System.Globalization;

namespace RaftOrchestrator.E2EBench;

/// <summary>
/// The `rorch sim-nodes` process the benchmark started, pointed at every replica, its output in a log file of the
/// run's directory. Disposing sends SIGKILL to exactly this PID (its nodes are thrown away with the cluster).
/// </summary>
internal sealed class SimNodesProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SimNodesProcess(Process process, StreamWriter log, string logFile)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static SimNodesProcess Start(string rorchDll, IEnumerable<Uri> servers, int nodes, string startLatency, IEnumerable<string> extraArgs, string directory)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (string arg in new[]
        {
            rorchDll, "sim-nodes", "--server", string.Join(',', servers.Select(u => u.ToString().TrimEnd('/'))),
            "--count", nodes.ToString(CultureInfo.InvariantCulture), "--start-latency", startLatency, "--stats-interval", "5s",
        }.Concat(extraArgs))
        {
            info.ArgumentList.Add(arg);
        }
        if (Environment.GetEnvironmentVariable("RO_BENCH_DIAGNOSTICS") != "1")
        {
            info.Environment["DOTNET_EnableDiagnostics"] = "0";
        }
        string logFile = Path.Combine(directory, "sim-nodes.log");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"# start dotnet {string.Join(' ', info.ArgumentList)}");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SimNodesProcess(process, log, logFile);
    }

    /// <summary>The last lines of its log, for a failure note.</summary>
    public string Tail(int lines = 20)
    {
        lock (_log)
        {
            _log.Flush();
        }
        using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        string[] all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
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
                // a line after disposal is dropped
            }
        }
    }
}
