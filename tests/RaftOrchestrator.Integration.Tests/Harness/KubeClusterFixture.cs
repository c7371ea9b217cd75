namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// A started cluster of real `rorch server` processes shared by one test class, and a kubectl pointed at one
/// member: the only one, or a follower of three (so every write is forwarded to the leader).
/// </summary>
public abstract class KubeClusterFixture : IAsyncLifetime
{
    private ProcessCluster? _cluster;

    protected abstract int Size { get; }

    /// <summary>Flags every member gets: by default every replica embeds the controller manager.</summary>
    protected virtual string[] ExtraArgs => ["--controllers", "*"];

    internal ProcessCluster Cluster => _cluster ?? throw new InvalidOperationException("not started");

    internal Kubectl Kubectl { get; private set; } = null!;

    /// <summary>The member kubectl talks to.</summary>
    internal ProcessMember Target { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _cluster = await ProcessCluster.StartAsync(Size, timeout.Token, ExtraArgs);
        ProcessMember leader = await _cluster.WaitForLeaderAsync(timeout.Token);
        Target = _cluster.Members.First(m => m != leader || Size == 1);
        await ProcessCluster.WaitUntilAsync(() => Task.FromResult(File.Exists(Target.Kubeconfig)), "the kubeconfig", 30, timeout.Token);
        Kubectl = new Kubectl(Target.Kubeconfig, Directory.CreateDirectory(Path.Combine(_cluster.Root, "kubectl-cache")).FullName);
        await ProcessCluster.WaitUntilAsync(async () => (await Kubectl.RunAsync(["get", "--raw", "/readyz"])).ExitCode == 0, "/readyz", 60, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SingleReplicaKubeFixture : KubeClusterFixture
{
    protected override int Size => 1;
}

public sealed class ThreeReplicaKubeFixture : KubeClusterFixture
{
    protected override int Size => 3;
}

/// <summary>
/// One replica without the embedded controller manager: for tests of the API server alone that assert no write
/// happened (a Deployment controller would write status under them).
/// </summary>
public sealed class ApiOnlyKubeFixture : KubeClusterFixture
{
    protected override int Size => 1;

    protected override string[] ExtraArgs => ["--controllers", "none"];
}

/// <summary>
/// Three replicas, each embedding the controller manager and the scheduler (binding in batches, fenced by its
/// lease): exactly one replica's scheduler leads.
/// </summary>
public sealed class ThreeReplicaSchedulerFixture : KubeClusterFixture
{
    protected override int Size => 3;

    protected override string[] ExtraArgs => ["--controllers", "*", "--scheduler", "default", "--scheduler-binder", "binding-batch"];
}

/// <summary>Three replicas with one-second watch bookmarks, for the client contract (its bookmark point).</summary>
public sealed class ThreeReplicaFastBookmarksFixture : KubeClusterFixture
{
    protected override int Size => 3;

    protected override string[] ExtraArgs => ["--watch-bookmark-interval", "1"];
}

/// <summary>One replica whose node lifecycle controller marks a node Unknown after 4 s without a heartbeat (40 s in Kubernetes).</summary>
public sealed class FastNodeGraceKubeFixture : KubeClusterFixture
{
    protected override int Size => 1;

    protected override string[] ExtraArgs => ["--controllers", "*", "--node-monitor-grace-period", "4"];
}
