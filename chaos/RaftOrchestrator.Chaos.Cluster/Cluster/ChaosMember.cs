using System.Diagnostics;
using System.Globalization;
using System.Net;
using Grpc.Net.Client;
using RaftOrchestrator.Chaos.Cluster.Net;

namespace RaftOrchestrator.Chaos.Cluster.Cluster;

/// <summary>
/// One `rorch server` process of the chaos cluster and its two proxies. The member listens on its own peer and client
/// ports and advertises the proxies' (--advertise-peer, --advertise-client-url), so every Raft message and every
/// forwarded proposal or read index another member sends it passes through a <see cref="LinkProxy"/>. The suite's own
/// control calls use <see cref="DirectChannel"/> and never meet a fault. Signals go to the PID this object started and
/// to no other process. Its command line is fixed at construction, so a restart is the same command.
/// </summary>
public sealed class ChaosMember : IDisposable
{
    private readonly Lock _lock = new();
    private Process? _process;
    private GrpcChannel? _channel;

    internal ChaosMember(string name, string root)
    {
        Name = name;
        PeerPort = LoopbackPorts.Next();
        ClientPort = LoopbackPorts.Next();
        ApiPort = LoopbackPorts.Next();
        PeerProxyPort = LoopbackPorts.Next();
        ClientProxyPort = LoopbackPorts.Next();
        DataDirectory = Path.Combine(root, name);
        LogFile = Path.Combine(root, name + ".log");
    }

    public string Name { get; }

    public int PeerPort { get; }

    public int ClientPort { get; }

    public int ApiPort { get; }

    public int PeerProxyPort { get; }

    public int ClientProxyPort { get; }

    public string DataDirectory { get; }

    public string LogFile { get; }

    /// <summary>The client URL the cluster knows (through this member's client proxy).</summary>
    public string ClientUrl => $"http://127.0.0.1:{ClientProxyPort}";

    /// <summary>The member's own client port, bypassing the proxy (the suite's control calls).</summary>
    public string DirectClientUrl => $"http://127.0.0.1:{ClientPort}";

    public string ApiUrl => $"http://127.0.0.1:{ApiPort}";

    /// <summary>The peer URL the cluster knows this member by (its peer proxy); its member id is a hash of it.</summary>
    public string PeerUrl => $"http://127.0.0.1:{PeerProxyPort}";

    public IPEndPoint PeerEndPoint => new(IPAddress.Loopback, PeerPort);

    public IPEndPoint ClientEndPoint => new(IPAddress.Loopback, ClientPort);

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _process is { HasExited: false };
            }
        }
    }

    /// <summary>The PID of the running process this object started, if any.</summary>
    public int? Pid
    {
        get
        {
            lock (_lock)
            {
                return _process is { HasExited: false } p ? p.Id : null;
            }
        }
    }

    /// <summary>True between <see cref="PauseAsync"/> and <see cref="ResumeAsync"/>.</summary>
    public bool IsPaused { get; private set; }

    public GrpcChannel DirectChannel
    {
        get
        {
            lock (_lock)
            {
                return _channel ??= GrpcChannel.ForAddress(DirectClientUrl);
            }
        }
    }

    /// <summary>The `rorch server` arguments for this member (before the cluster's bootstrap or join flag and extras).</summary>
    internal IEnumerable<string> BaseArgs => [
        "server", "--name", Name, "--data-dir", DataDirectory,
        "--peer-listen", $"127.0.0.1:{PeerPort}", "--advertise-peer", $"127.0.0.1:{PeerProxyPort}",
        "--client-listen", $"127.0.0.1:{ClientPort}", "--advertise-client-url", ClientUrl,
        "--api-listen", $"127.0.0.1:{ApiPort}", "--agent", "none",
    ];

    /// <summary>Starts `dotnet <paramref name="rorchDll"/> <paramref name="args"/>`; output is appended to <see cref="LogFile"/>.</summary>
    internal void Start(string rorchDll, IReadOnlyList<string> args)
    {
        lock (_lock)
        {
            if (_process is { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} is already running.");
            }
            _process?.Dispose();
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(DataDirectory)!,
            };
            info.ArgumentList.Add(rorchDll);
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment["DOTNET_EnableDiagnostics"] = "0";
#pragma warning disable CA2000 // the process's Exited handler disposes the log (after its last line)
            var log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
#pragma warning restore CA2000
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {TimeProvider.System.GetUtcNow():O} start {string.Join(' ', info.ArgumentList)}"));
            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) => Write(log, e.Data);
            process.ErrorDataReceived += (_, e) => Write(log, e.Data);
            process.Exited += (_, _) =>
            {
                lock (log)
                {
                    log.Dispose();
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            IsPaused = false;
        }
    }

    /// <summary>kill -9: no shutdown code runs. A paused process dies too (SIGKILL needs no SIGCONT).</summary>
    public async Task KillAsync()
    {
        Process? process = Running();
        if (process is null)
        {
            return;
        }
        process.Kill();
        await process.WaitForExitAsync();
        IsPaused = false;
    }

    /// <summary>SIGTERM and a bounded wait for the graceful exit, then SIGKILL.</summary>
    public async Task TerminateAsync(TimeSpan grace)
    {
        Process? process = Running();
        if (process is null)
        {
            return;
        }
        if (IsPaused)
        {
            await ResumeAsync();   // a stopped process does not run its SIGTERM handler
        }
        await SignalAsync(process.Id, "TERM");
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    /// <summary>SIGSTOP: the process stops dead with its sockets open (a long GC pause, a frozen VM).</summary>
    public async Task PauseAsync()
    {
        if (Running() is { } process)
        {
            await SignalAsync(process.Id, "STOP");
            IsPaused = true;
        }
    }

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public async Task ResumeAsync()
    {
        if (Running() is { } process)
        {
            await SignalAsync(process.Id, "CONT");
            IsPaused = false;
        }
    }

    public int? ExitCode
    {
        get
        {
            lock (_lock)
            {
                return _process is { HasExited: true } p ? p.ExitCode : null;
            }
        }
    }

    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public void Dispose()
    {
        Process? process = Running();
        if (process is not null)
        {
            process.Kill();
            process.WaitForExit(10_000);
        }
        lock (_lock)
        {
            _process?.Dispose();
            _process = null;
            _channel?.Dispose();
            _channel = null;
        }
    }

    private Process? Running()
    {
        lock (_lock)
        {
            return _process is { HasExited: false } p ? p : null;
        }
    }

    /// <summary>kill(1) with a signal, to a PID this object started.</summary>
    private static async Task SignalAsync(int pid, string signal)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
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
