using System.Diagnostics;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// A `rorch scheduler` process started by the harness (the backlog mode): pointed at every replica's API, with the
/// run's binder and without leader election, its output in a log file of the case's directory. Owned by the case
/// run, which disposes it: SIGKILL to exactly this PID.
/// </summary>
internal sealed class SchedulerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SchedulerProcess(Process process, StreamWriter log, string logFile)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    public static SchedulerProcess Start(string rorchDll, IEnumerable<Uri> servers, string binder, string directory)
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
            rorchDll, "scheduler", "--server", string.Join(',', servers.Select(u => u.ToString().TrimEnd('/'))),
            "--binder", binder, "--leader-elect", "false",
        })
        {
            info.ArgumentList.Add(arg);
        }
        if (Environment.GetEnvironmentVariable("RO_BENCH_DIAGNOSTICS") != "1")
        {
            info.Environment["DOTNET_EnableDiagnostics"] = "0";
        }
        string logFile = Path.Combine(directory, "scheduler.log");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"# start dotnet {string.Join(' ', info.ArgumentList)}");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SchedulerProcess(process, log, logFile);
    }

    /// <summary>The last lines of its log, for a failure note.</summary>
    public string Tail(int lines = 20)
    {
        lock (_log)
        {
            _log.Flush();
        }
        string[] all = File.ReadAllLines(LogFile);
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
            // Already gone.
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
                // A line after disposal is dropped.
            }
        }
    }
}
