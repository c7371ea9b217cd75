using System.Diagnostics;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// A `rorch &lt;command&gt;` process a benchmark started (a replica through <see cref="LocalMember"/>, `rorch scheduler`, `rorch sim-nodes`):
/// its output in a log file, a tail for failure notes, and on disposal SIGKILL to exactly this PID with a bounded
/// wait. No diagnostics port unless RO_BENCH_DIAGNOSTICS=1 (as for the members).
/// </summary>
public sealed class RorchProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private RorchProcess(Process process, StreamWriter log, string logFile)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
    }

    public string LogFile { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts `dotnet rorchDll args...` in <paramref name="directory"/>, logging to <paramref name="logFile"/> there.</summary>
    public static RorchProcess Start(string rorchDll, IEnumerable<string> args, string directory, string logFile)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        info.ArgumentList.Add(rorchDll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        if (Environment.GetEnvironmentVariable("RO_BENCH_DIAGNOSTICS") != "1")
        {
            info.Environment["DOTNET_EnableDiagnostics"] = "0";
        }
        string path = Path.Combine(directory, logFile);
        var log = new StreamWriter(path, append: true) { AutoFlush = true };
        log.WriteLine($"# start dotnet {string.Join(' ', info.ArgumentList)}");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RorchProcess(process, log, path);
    }

    /// <summary>The comma-separated --server value for these API URLs.</summary>
    public static string Servers(IEnumerable<Uri> servers) => string.Join(',', servers.Select(u => u.ToString().TrimEnd('/')));

    /// <summary>The last lines of its log.</summary>
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

    /// <summary>The last <paramref name="chars"/> characters of its log ("" when it cannot be read).</summary>
    public string TailChars(int chars)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            string text = reader.ReadToEnd();
            return text.Length > chars ? text[^chars..] : text;
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>SIGKILL to this PID and a wait of at most 10 s for it to be gone.</summary>
    public void Kill()
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
    }

    public void Dispose()
    {
        Kill();
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
