using System.Diagnostics;
using System.Globalization;

namespace RaftOrchestrator.Chaos.Runner.Traffic;

/// <summary>
/// `rorch sim-nodes --count N` as its own process, pointed at every member's API (it fails over between them), so
/// the run's pods get bound nodes that report them Running and Ready. Output goes to a log file; disposal kills the
/// process this object started, and only it.
/// </summary>
internal sealed class SimNodesProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SimNodesProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static SimNodesProcess Start(string rorchDll, IEnumerable<string> apiUrls, int count, int seed, string logFile)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            rorchDll, "sim-nodes", "--server", string.Join(',', apiUrls), "--count", count.ToString(CultureInfo.InvariantCulture),
            "--seed", seed.ToString(CultureInfo.InvariantCulture), "--start-latency", "uniform:100ms-400ms", "--stats-interval", "10s",
            "--lease-renew-interval", "5s",
        })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
#pragma warning disable CA2000 // owned by the returned object, disposed with it
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info };
#pragma warning restore CA2000
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SimNodesProcess(process, log);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }
}
