using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Deployments;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

/// <summary>
/// A deployment reconciler over the in-memory client, with a fake clock, recorded events, and a stand-in for the
/// ReplicaSet controller (no pods: <see cref="SimulateReplicaSetsAsync"/> writes each ReplicaSet's status).
/// </summary>
internal sealed class DeploymentHarness : IAsyncDisposable
{
    public const string Ns = "apps";

    private readonly DeploymentReconciler _reconciler;

    public DeploymentHarness()
    {
        Client = new InMemoryClusterClient(Time);
        _reconciler = new DeploymentReconciler(Client, new StoreLister<Deployment>(Client), new StoreLister<ReplicaSet>(Client),
            new StoreLister<Pod>(Client), Events, Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new(TestClock.Start);

    public InMemoryClusterClient Client { get; }

    public RecordingEventRecorder Events { get; } = new();

    /// <summary>The messages of the events with this reason, in order.</summary>
    public IReadOnlyList<string> EventMessages(string reason) => [.. Events.WithReason(reason).Select(e => e.Message)];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static Deployment NewDeployment(string name, int replicas, string image = "app:1", string strategy = "RollingUpdate",
        IntOrString? maxSurge = null, IntOrString? maxUnavailable = null) => new()
    {
        Metadata = new ObjectMeta { Namespace = Ns, Name = name },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = name } },
            Strategy = new DeploymentStrategy
            {
                Type = strategy,
                RollingUpdate = strategy == "RollingUpdate" && (maxSurge is not null || maxUnavailable is not null)
                    ? new RollingUpdateDeployment { MaxSurge = maxSurge, MaxUnavailable = maxUnavailable }
                    : null,
            },
            Template = new PodTemplateSpec
            {
                Metadata = new ObjectMeta { Labels = new() { ["app"] = name } },
                Spec = new PodSpec { Containers = [new Container { Name = "main", Image = image }] },
            },
        },
    };

    public Deployment Create(Deployment deployment) => Client.Seed(deployment);

    public Deployment Get(string name) => Client.Objects<Deployment>(Ns).Single(d => d.Metadata.Name == name);

    /// <summary>The Deployment's ReplicaSets, oldest first.</summary>
    public List<ReplicaSet> ReplicaSets(string deployment)
    {
        List<ReplicaSet> owned = [.. Client.Objects<ReplicaSet>(Ns).Where(rs => rs.Metadata.Name!.StartsWith(deployment + "-", StringComparison.Ordinal))];
        owned.Sort((a, b) => a.Metadata.CreationTimestamp == b.Metadata.CreationTimestamp
            ? long.Parse(a.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture).CompareTo(long.Parse(b.Metadata.ResourceVersion!, System.Globalization.CultureInfo.InvariantCulture))
            : Nullable.Compare(a.Metadata.CreationTimestamp, b.Metadata.CreationTimestamp));
        return owned;
    }

    public ReplicaSet ReplicaSetOfImage(string deployment, string image) =>
        ReplicaSets(deployment).Single(rs => rs.Spec.Template.Spec.Containers[0].Image == image);

    public ValueTask<ReconcileResult> ReconcileAsync(string name) => _reconciler.ReconcileAsync(new ObjectKey(Ns, name), Token);

    /// <summary>Changes the Deployment as a client would (kubectl set image, scale, pause...).</summary>
    public async Task<Deployment> EditAsync(string name, Action<Deployment> edit)
    {
        Deployment current = Get(name);
        edit(current);
        return (await Client.Resource<Deployment>().UpdateAsync(current, cancellationToken: Token)).Unwrap();
    }

    /// <summary>kubectl set image, a minute after whatever came before (so ReplicaSets' creation times differ).</summary>
    public Task<Deployment> SetImageAsync(string name, string image)
    {
        Time.Advance(TimeSpan.FromMinutes(1));
        return EditAsync(name, d => d.Spec.Template.Spec.Containers[0].Image = image);
    }

    /// <summary>
    /// The ReplicaSet controller's part: every ReplicaSet (or those <paramref name="which"/> picks: it syncs each on
    /// its own) has its spec.replicas pods at once, of which <paramref name="available"/> (default: all) are ready
    /// and available.
    /// </summary>
    public async Task SimulateReplicaSetsAsync(Func<ReplicaSet, int>? available = null, Func<ReplicaSet, bool>? which = null)
    {
        foreach (ReplicaSet rs in Client.Objects<ReplicaSet>(Ns).Where(rs => which?.Invoke(rs) ?? true))
        {
            int replicas = rs.Spec.Replicas ?? 1;
            int ready = Math.Clamp(available?.Invoke(rs) ?? replicas, 0, replicas);
            if (rs.Status.Replicas == replicas && rs.Status.ReadyReplicas == ready && rs.Status.AvailableReplicas == ready
                && rs.Status.ObservedGeneration == rs.Metadata.Generation)
            {
                continue;
            }
            rs.Status = new ReplicaSetStatus
            {
                Replicas = replicas,
                FullyLabeledReplicas = replicas,
                ReadyReplicas = ready,
                AvailableReplicas = ready,
                ObservedGeneration = rs.Metadata.Generation,
            };
            (await Client.Resource<ReplicaSet>().UpdateStatusAsync(rs, cancellationToken: Token)).Unwrap();
        }
    }

    /// <summary>Reconciles and simulates, every pod available at once, until kubectl rollout status would say done.</summary>
    public async Task<Deployment> RollOutAsync(string name, int maxSteps = 100)
    {
        for (int step = 0; step < maxSteps; step++)
        {
            ReconcileResult result = await ReconcileAsync(name);
            Assert.False(result.Failed, result.Failure);
            Time.Advance(TimeSpan.FromSeconds(1));
            await SimulateReplicaSetsAsync();
            Deployment d = Get(name);
            if (RolloutStatus.IsDone(d))
            {
                return d;
            }
        }
        Assert.Fail($"{name} did not roll out in {maxSteps} steps: {RolloutStatus.Message(Get(name))}");
        return null;
    }

    /// <summary>Reconciles until a pass writes nothing (bounded), simulating no ReplicaSet controller.</summary>
    public async Task SettleAsync(string name, int maxSteps = 20)
    {
        for (int step = 0; step < maxSteps; step++)
        {
            int writes = Client.Actions.Count;
            ReconcileResult result = await ReconcileAsync(name);
            Assert.False(result.Failed, result.Failure);
            if (Client.Actions.Count == writes)
            {
                return;
            }
        }
        Assert.Fail($"{name} kept writing for {maxSteps} passes");
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
