using System.Globalization;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// One `rorch server` process this benchmark started: its ports, data directory and log file. It is stopped by its
/// own PID only (SIGKILL: its data directory is thrown away anyway), with a bounded wait. Without an explicit
/// --agent in the cluster's flags it runs with --agent none: a benchmark counts only the nodes it registers.
/// </summary>
public sealed class LocalMember : IDisposable
{
    private readonly RorchProcess _process;

    private LocalMember(Replica replica, RorchProcess process)
    {
        Replica = replica;
        _process = process;
    }

    public Replica Replica { get; }

    public string LogFile => _process.LogFile;

    public int Pid => _process.Pid;

    public bool IsRunning => !_process.HasExited;

    public static LocalMember Start(string rorchDll, string root, string name, LoopbackPortRange ports, IEnumerable<string> clusterArgs)
    {
        int client = ports.Next(), peer = ports.Next(), api = ports.Next();
        string[] flags = [.. clusterArgs];
        string[] args =
        [
            "server", "--name", name, "--data-dir", Path.Combine(root, name), "--client-listen", $"127.0.0.1:{client}",
            "--peer-listen", $"127.0.0.1:{peer}", "--api-listen", $"127.0.0.1:{api}",
            .. flags.Contains("--agent") ? [] : new[] { "--agent", "none" },
            .. flags,
        ];
        RorchProcess process = RorchProcess.Start(rorchDll, args, root, name + ".log");
        return new LocalMember(new Replica(name, Url(api), Url(client)), process);
    }

    private static Uri Url(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));

    /// <summary>SIGKILL to this PID and a wait of at most 10 s for it to be gone.</summary>
    public void Kill() => _process.Kill();

    public string LogTail(int chars = 3_000) => _process.TailChars(chars);

    public void Dispose() => _process.Dispose();
}
