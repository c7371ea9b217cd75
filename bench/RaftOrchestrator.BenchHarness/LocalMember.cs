using System.Diagnostics;
using System.Globalization;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// One `rorch server` process this benchmark started: its ports, data directory and log file. It is stopped by its
/// own PID only (SIGKILL: its data directory is thrown away anyway), with a bounded wait.
/// </summary>
public sealed class LocalMember : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private LocalMember(Replica replica, Process process, StreamWriter log, string logFile)
    {
        Replica = replica;
        _process = process;
        _log = log;
        LogFile = logFile;
    }

    public Replica Replica { get; }

    public string LogFile { get; }

    public int Pid => _process.Id;

    public bool IsRunning => !_process.HasExited;

    public static LocalMember Start(string rorchDll, string root, string name, FreePorts ports, IEnumerable<string> clusterArgs)
    {
        int client = ports.Next(), peer = ports.Next(), api = ports.Next();
        string dataDir = Path.Combine(root, name);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (string arg in new[]
        {
            rorchDll, "server", "--name", name, "--data-dir", dataDir, "--client-listen", $"127.0.0.1:{client}",
            "--peer-listen", $"127.0.0.1:{peer}", "--api-listen", $"127.0.0.1:{api}",
        }.Concat(clusterArgs.Contains("--agent") ? [] : ["--agent", "none"]).Concat(clusterArgs))
        {
            info.ArgumentList.Add(arg);
        }
        // No diagnostics port per member (a socket in /tmp each) unless RO_BENCH_DIAGNOSTICS=1 asks for one, to
        // attach dotnet-trace or dotnet-counters to a member while a benchmark runs.
        if (Environment.GetEnvironmentVariable("RO_BENCH_DIAGNOSTICS") != "1")
        {
            info.Environment["DOTNET_EnableDiagnostics"] = "0";
        }
        string logFile = Path.Combine(root, name + ".log");
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        log.WriteLine($"# start dotnet {string.Join(' ', info.ArgumentList)}");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var replica = new Replica(name, Url(api), Url(client));
        return new LocalMember(replica, process, log, logFile);
    }

    private static Uri Url(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));

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
            // already gone
        }
    }

    public string LogTail(int chars = 3_000)
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
            }
        }
    }
}
