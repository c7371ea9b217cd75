using System.Diagnostics;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// A cluster of real `rorch server` processes (one, three, or any size) on 127.0.0.1 in a temporary directory,
/// formed as an operator would: the first with --cluster-init, the others with --join through the first, each
/// started after the previous one has joined and serves /readyz. Disposing kills exactly these processes, by PID,
/// and removes the directory (unless asked to keep it). Every wait is bounded.
/// </summary>
public sealed class LocalCluster : IDisposable
{
    private readonly List<LocalMember> _members = [];
    private readonly bool _keepFiles;

    private LocalCluster(string root, bool keepFiles)
    {
        Root = root;
        _keepFiles = keepFiles;
    }

    public string Root { get; }

    public IReadOnlyList<LocalMember> Members => _members;

    public IReadOnlyList<Replica> Replicas => [.. _members.Select(m => m.Replica)];

    public static async Task<LocalCluster> StartAsync(string rorchDll, ClusterSettings settings, EtcdProbe probe, HttpClient http,
        Action<string> progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Size, 1);
        var cluster = new LocalCluster(Directory.CreateTempSubdirectory(settings.TempPrefix).FullName, settings.KeepFiles);
        var ports = new LoopbackPortRange(22_000, 32_000);
        try
        {
            for (int i = 1; i <= settings.Size; i++)
            {
                string[] args = i == 1 ? ["--cluster-init"] : ["--join", cluster._members[0].Replica.EtcdUrl.ToString().TrimEnd('/')];
                LocalMember member = LocalMember.Start(rorchDll, cluster.Root, $"m{i}", ports, [.. args, .. settings.ArgsOf(i - 1)]);
                cluster._members.Add(member);
                long t0 = Stopwatch.GetTimestamp();
                int expected = i;
                await WaitUntilAsync(() => ReadyAsync(member, expected, probe, http, ct), $"{member.Replica.Name} to join and serve /readyz", member,
                    settings.MemberStartTimeout, ct);
                progress($"{member.Replica.Name} up (pid {member.Pid}, api {member.Replica.ApiUrl}) in {Stopwatch.GetElapsedTime(t0).TotalSeconds:0.0} s");
            }
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private static async Task<bool> ReadyAsync(LocalMember member, int expected, EtcdProbe probe, HttpClient http, CancellationToken ct)
    {
        if (await probe.StatusAsync(member.Replica, ct) is not { Leader: not 0 } || await probe.StartedMembersAsync(member.Replica, ct) != expected)
        {
            return false;
        }
        try
        {
            using HttpResponseMessage ready = await http.GetAsync(new Uri(member.Replica.ApiUrl, "/readyz"), ct);
            return ready.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, LocalMember member, TimeSpan timeout, CancellationToken ct)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (!member.IsRunning)
            {
                throw new MemberExitedException(member.Replica.Name, what, member.LogTail());
            }
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds:0} s waiting for {what}; log tail:\n{member.LogTail()}");
            }
            await Task.Delay(200, ct);
        }
    }

    public void Dispose()
    {
        foreach (LocalMember member in _members)
        {
            member.Dispose();
        }
        _members.Clear();
        if (!_keepFiles)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // a file still held open: the temp directory is left behind, nothing else
            }
        }
    }
}
