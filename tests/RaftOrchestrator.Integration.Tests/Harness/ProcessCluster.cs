using Etcdserverpb;
using Grpc.Core;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// A cluster of real `rorch` processes on 127.0.0.1, formed the way an operator does it: the first member
/// with --cluster-init, the others with --join. The temporary directory (data and logs) is deleted when the
/// cluster is disposed unless <see cref="KeepFiles"/> is set (set it from a failing test to read the logs).
/// Every wait is bounded.
/// </summary>
internal sealed class ProcessCluster : IAsyncDisposable
{
    private string[] _extraArgs;

    private ProcessCluster(string root, string[] extraArgs)
    {
        Root = root;
        _extraArgs = extraArgs;
    }

    public string Root { get; }

    public List<ProcessMember> Members { get; } = [];

    public bool KeepFiles { get; set; }

    public string Endpoints => string.Join(',', Members.Select(m => m.Endpoint));

    public static async Task<ProcessCluster> StartAsync(int size, CancellationToken ct, params string[] extraArgs)
    {
        var cluster = new ProcessCluster(Directory.CreateTempSubdirectory("ro-it-").FullName, extraArgs);
        try
        {
            for (int i = 0; i < size; i++)
            {
                await cluster.AddMemberAsync(ct);
            }
            return cluster;
        }
        catch
        {
            cluster.KeepFiles = true;
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more member (the first bootstraps, the others join through the first) and waits until every member lists it.</summary>
    public async Task<ProcessMember> AddMemberAsync(CancellationToken ct)
    {
        var member = new ProcessMember($"m{Members.Count + 1}", Root);
        Members.Add(member);
        member.Start(ArgsFor(member));
        int expected = Members.Count;
        await WaitUntilAsync(async () =>
            (await StatusAsync(member, ct)) is { Errors.Count: 0, Leader: not 0 }
            && (await MemberCountAsync(member, ct)) == expected, $"{member.Name} to join a cluster of {expected}", 60, ct);
        return member;
    }

    /// <summary>
    /// A member's flags. Without an explicit --controllers (--scheduler) the embedded controller manager (scheduler)
    /// is off: the store-level tests count revisions, and its lease renewals would add one every two seconds.
    /// </summary>
    public IEnumerable<string> ArgsFor(ProcessMember member) =>
        (member == Members[0] ? ["--cluster-init"] : new[] { "--join", Members[0].ClientUrl })
            .Concat(_extraArgs.Contains("--controllers") ? [] : ["--controllers", "none"])
            .Concat(_extraArgs.Contains("--scheduler") ? [] : ["--scheduler", "none"])
            .Concat(_extraArgs);

    public void Restart(ProcessMember member) => member.Start(ArgsFor(member));

    /// <summary>Replaces the extra arguments every member gets from now on (at its next start).</summary>
    public void SetExtraArgs(params string[] extraArgs) => _extraArgs = extraArgs;

    /// <summary>The running member that leads, as the running members report it.</summary>
    public async Task<ProcessMember> WaitForLeaderAsync(CancellationToken ct)
    {
        ProcessMember? leader = null;
        await WaitUntilAsync(async () =>
        {
            foreach (ProcessMember m in Members.Where(m => m.IsRunning))
            {
                if (await StatusAsync(m, ct) is { } s && s.Leader != 0 && s.Leader == s.Header.MemberId)
                {
                    leader = m;
                    return true;
                }
            }
            return false;
        }, "a leader", 60, ct);
        return leader!;
    }

    public static async Task<StatusResponse?> StatusAsync(ProcessMember member, CancellationToken ct)
    {
        if (!member.IsRunning)
        {
            return null;
        }
        try
        {
            return await new Maintenance.MaintenanceClient(member.Channel)
                .StatusAsync(new StatusRequest(), deadline: Deadline(TimeSpan.FromSeconds(2)), cancellationToken: ct);
        }
        catch (RpcException)
        {
            return null;
        }
    }

    private static async Task<int> MemberCountAsync(ProcessMember member, CancellationToken ct)
    {
        try
        {
            MemberListResponse list = await new Cluster.ClusterClient(member.Channel)
                .MemberListAsync(new MemberListRequest(), deadline: Deadline(TimeSpan.FromSeconds(2)), cancellationToken: ct);
            return list.Members.Count(m => m.ClientURLs.Count > 0);
        }
        catch (RpcException)
        {
            return -1;
        }
    }

    public static DateTime Deadline(TimeSpan after) => TimeProvider.System.GetUtcNow().UtcDateTime.Add(after);

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            while (!await condition())
            {
                await Task.Delay(100, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ProcessMember member in Members)
        {
            member.Dispose();
        }
        if (!KeepFiles)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        await Task.CompletedTask;
    }

    /// <summary>Every member's log, for a failure message.</summary>
    public string Logs() => string.Join("\n", Members.Select(m => $"===== {m.Name} ({m.LogFile})\n{Tail(m.ReadLog())}"));

    private static string Tail(string log) => log.Length > 6_000 ? log[^6_000..] : log;
}
