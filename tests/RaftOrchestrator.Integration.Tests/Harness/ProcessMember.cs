using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// One `rorch server` process of a test cluster: its ports, data directory and log file, and the means to
/// start it, stop it (SIGTERM) and kill it (SIGKILL) by its PID. Output goes to a log file that stays when
/// the test fails, so a failure can be read.
/// </summary>
internal sealed class ProcessMember : IDisposable
{
    private Process? _process;
    private GrpcChannel? _channel;

    public ProcessMember(string name, string root)
    {
        Name = name;
        ClientPort = Ports.Next();
        PeerPort = Ports.Next();
        ApiPort = Ports.Next();
        DataDirectory = Path.Combine(root, name);
        LogFile = Path.Combine(root, name + ".log");
    }

    public string Name { get; }

    public int ClientPort { get; }

    public int PeerPort { get; }

    /// <summary>The Kubernetes API port (plain HTTP).</summary>
    public int ApiPort { get; }

    public string ApiUrl => $"http://127.0.0.1:{ApiPort}";

    /// <summary>The kubeconfig the server writes for its API.</summary>
    public string Kubeconfig => Path.Combine(DataDirectory, "kubeconfig");

    public string DataDirectory { get; }

    public string LogFile { get; }

    public string ClientUrl => $"http://127.0.0.1:{ClientPort}";

    public string Endpoint => $"127.0.0.1:{ClientPort}";

    public bool IsRunning => _process is { HasExited: false };

    public int? Pid => IsRunning ? _process!.Id : null;

    /// <summary>A gRPC channel to this member (reconnects by itself across restarts).</summary>
    public GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(ClientUrl);

    /// <summary>Starts `rorch server` with <paramref name="extraArgs"/>; without an explicit --agent, with --agent none (no embedded node).</summary>
    public void Start(IEnumerable<string> extraArgs)
    {
        string[] args = [.. extraArgs];
        if (IsRunning)
        {
            throw new InvalidOperationException($"{Name} is already running.");
        }
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(DataDirectory)!,
        };
        foreach (string arg in new[]
        {
            BuiltBinary.Rorch, "server", "--name", Name, "--data-dir", DataDirectory,
            "--client-listen", Endpoint, "--peer-listen", $"127.0.0.1:{PeerPort}", "--api-listen", $"127.0.0.1:{ApiPort}",
        }.Concat(args.Contains("--agent") ? [] : ["--agent", "none"]).Concat(args))
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        var process = new Process { StartInfo = info };
        var log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {TimeProvider.System.GetUtcNow():O} start {string.Join(' ', info.ArgumentList)}"));
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) => { lock (log) { log.Dispose(); } };
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM and a bounded wait for a graceful exit (then SIGKILL).</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public void Dispose()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _channel?.Dispose();
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
