using System.Diagnostics;
using System.Globalization;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// A `rorch` process of a test other than a server replica (`rorch agent`, `rorch sim-nodes`, ...): started with
/// its output in a log file under the cluster's root (kept when the test fails), ended by its own PID only.
/// </summary>
internal sealed class RorchProcess : IDisposable
{
    private readonly Process _process;

    private RorchProcess(Process process, string logFile)
    {
        _process = process;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public bool HasExited => _process.HasExited;

    public int Pid => _process.Id;

    /// <summary>Starts `dotnet rorch.dll <paramref name="args"/>` in <paramref name="root"/>, logging to <c>root/logName.log</c>.</summary>
    public static RorchProcess Start(string root, string logName, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        info.ArgumentList.Add(BuiltBinary.Rorch);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        string logFile = Path.Combine(root, logName + ".log");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {TimeProvider.System.GetUtcNow():O} start rorch {string.Join(' ', args)}"));
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => { lock (log) { log.Dispose(); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RorchProcess(process, logFile);
    }

    /// <summary>SIGKILL and wait: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM and a bounded wait for a clean exit (an agent then ends its containers), else SIGKILL.</summary>
    public void Stop()
    {
        if (_process.HasExited)
        {
            return;
        }
        using (Process term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            term.WaitForExit(5_000);
        }
        if (!_process.WaitForExit(15_000))
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
    }

    public string Log()
    {
        using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    /// <summary>Stops the process as <see cref="Stop"/> does.</summary>
    public void Dispose()
    {
        Stop();
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
