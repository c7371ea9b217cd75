using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube;

public sealed partial class KubeSystem
{
    /// <summary>For each terminating namespace: delete its contents (one transaction per resource), drop the "kubernetes" finalizer, delete it.</summary>
    private async Task FinalizeNamespacesAsync(CancellationToken cancellationToken)
    {
        ResourceStore<Namespace> namespaces = StoreOf<Namespace>("", "namespaces");
        RangeResult all = services.Store.Range(new RangeRequest(KeyRange.Prefix(namespaces.PrefixBytes(null))));
        foreach (KeyValue kv in all.Kvs)
        {
            Namespace ns = namespaces.Codec.Decode(kv.Value, kv.ModRevision);
            if (ns.Metadata.DeletionTimestamp is null)
            {
                continue;
            }
            string name = ns.Metadata.Name!;
            foreach (ResourceDescriptor resource in _catalog.Resources.Where(r => r.Namespaced && r.Stored))
            {
                await DeleteContentsAsync(resource, name, cancellationToken);
            }
            ns.Spec?.Finalizers?.Remove("kubernetes");
            if ((ns.Spec?.Finalizers?.Count ?? 0) > 0 || (ns.Metadata.Finalizers?.Count ?? 0) > 0)
            {
                await namespaces.UpdateAsync(ns, kv.ModRevision, cancellationToken);
                continue;
            }
            await namespaces.DeleteAsync(null, name, kv.ModRevision, null, cancellationToken);
        }
    }

    private async Task DeleteContentsAsync(ResourceDescriptor resource, string ns, CancellationToken cancellationToken)
    {
        byte[] prefix = StoreKeys.Bytes($"{resource.KeyPrefix}{ns}/");
        RangeResult contents = services.Store.Range(new RangeRequest(KeyRange.Prefix(prefix)) { CountOnly = true });
        if (contents.Count == 0)
        {
            return;
        }
        var deletes = new List<RequestOp> { new DeleteRangeOp(KeyRange.Prefix(prefix)) };
        if (resource.Plural == "services" && resource.Group.Length == 0)
        {
            deletes.AddRange(ServiceReservations(prefix));
        }
        await services.Store.TxnAsync(new TxnRequest([], deletes, []), cancellationToken);
    }

    /// <summary>The reservation keys of the services under a prefix (their cluster IPs and node ports go with them).</summary>
    private IEnumerable<RequestOp> ServiceReservations(byte[] prefix)
    {
        ResourceStore<Service> servicesStore = StoreOf<Service>("", "services");
        var allocation = new Kinds.ServiceAllocation { Descriptor = servicesStore.Descriptor };
        foreach (KeyValue kv in services.Store.Range(new RangeRequest(KeyRange.Prefix(prefix))).Kvs)
        {
            foreach (RequestOp op in allocation.Release(servicesStore.Codec.Decode(kv.Value, kv.ModRevision)))
            {
                yield return op;
            }
        }
    }
}
