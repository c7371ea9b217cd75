using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Server.Kube.Admission;
using RaftOrchestrator.Server.Kube.Kinds;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// What kube-apiserver keeps in place by itself: the system namespaces (default, kube-system, kube-public,
/// kube-node-lease), the "kubernetes" service in default and the system PriorityClasses (system-node-critical,
/// system-cluster-critical), created if absent by every replica at start (the creates are conditional, so
/// replicas racing is harmless).
/// </summary>
/// <remarks>
/// Emptying a terminating namespace is the namespace controller's (the controller manager's): it deletes the
/// content through the API and then removes the "kubernetes" finalizer through namespaces/{name}/finalize.
/// </remarks>
public sealed class KubeSystem(KubeApiServices services, int apiPort) : BackgroundService
{
    private readonly ApiCatalog _catalog = services.Catalog;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => EnsureSystemObjectsAsync(stoppingToken);

    private ResourceStore<T> StoreOf<T>(string group, string plural) where T : class, IKubernetesObject, new() =>
        new((ResourceDescriptor<T>)_catalog.Find(group, plural)!, services.Store);

    /// <summary>Creates what is missing, retrying (bounded by the replica's lifetime) until a leader accepted each.</summary>
    private async Task EnsureSystemObjectsAsync(CancellationToken cancellationToken)
    {
        ResourceStore<Namespace> namespaces = StoreOf<Namespace>("", "namespaces");
        ResourceStore<Service> servicesStore = StoreOf<Service>("", "services");
        ResourceStore<PriorityClass> priorityClasses = StoreOf<PriorityClass>("scheduling.k8s.io", "priorityclasses");
        var pending = new List<Func<Task<bool>>>();
        foreach (string name in NamespaceLifecycle.SystemNamespaces)
        {
            pending.Add(() => CreateIfAbsentAsync(namespaces, new Namespace { Metadata = { Name = name } }, [], [], cancellationToken));
        }
        foreach (PriorityClass system in SchedulingPriorities.SystemClasses())
        {
            pending.Add(() => CreateIfAbsentAsync(priorityClasses, system, [], [], cancellationToken));
        }
        pending.Add(() => CreateIfAbsentAsync(servicesStore, KubernetesService(),
            [Compare.CreateRevision(StoreKeys.Bytes($"/registry/serviceips/{ServiceAllocation.KubernetesServiceIp}"), CompareResult.Equal, 0)],
            [new PutOp(StoreKeys.Bytes($"/registry/serviceips/{ServiceAllocation.KubernetesServiceIp}"), "1"u8.ToArray())], cancellationToken));
        while (pending.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            for (int i = pending.Count - 1; i >= 0; i--)
            {
                if (await pending[i]())
                {
                    pending.RemoveAt(i);
                }
            }
            if (pending.Count > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), services.Time, cancellationToken);
            }
        }
    }

    private Service KubernetesService() => new()
    {
        Metadata = { Name = "kubernetes", Namespace = "default", Labels = new() { ["component"] = "apiserver", ["provider"] = "kubernetes" } },
        Spec = new ServiceSpec
        {
            Type = "ClusterIP",
            ClusterIP = ServiceAllocation.KubernetesServiceIp,
            ClusterIPs = [ServiceAllocation.KubernetesServiceIp],
            Ports = [new ServicePort { Name = "https", Port = 443, Protocol = "TCP", TargetPort = IntOrString.FromInt(apiPort) }],
            SessionAffinity = "None",
        },
    };

    /// <summary>True once the object exists (made now or before).</summary>
    private async Task<bool> CreateIfAbsentAsync<T>(ResourceStore<T> store, T value, IReadOnlyList<Compare> compares, IReadOnlyList<RequestOp> puts,
        CancellationToken cancellationToken) where T : class, IKubernetesObject, new()
    {
        if (store.Get(value.Metadata.Namespace, value.Metadata.Name!) is not null)
        {
            return true;
        }
        value.Metadata.Uid = Guid.NewGuid().ToString();
        value.Metadata.CreationTimestamp = services.NowSeconds();
        store.Descriptor.Strategy.ApplyDefaults(value);
        store.Descriptor.Strategy.PrepareForCreate(value);
        WriteOutcome outcome = await store.CreateAsync(value, compares, puts, cancellationToken);
        return outcome.Status is WriteStatus.Ok || (outcome.Status == WriteStatus.Exists && store.Get(value.Metadata.Namespace, value.Metadata.Name!) is not null);
    }
}
