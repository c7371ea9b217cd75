using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>Reads namespaces for admission: locally first, then once more after a read barrier when absent.</summary>
public sealed class NamespaceLookup
{
    private readonly ResourceStore<Namespace> _store;

    public NamespaceLookup(ApiCatalog catalog, KubeStore store)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _store = new ResourceStore<Namespace>((ResourceDescriptor<Namespace>)catalog.Find("", "namespaces")!, store);
    }

    public async Task<Namespace?> FindAsync(string name, CancellationToken cancellationToken)
    {
        if (_store.Get(null, name) is { } local)
        {
            return local.Value;
        }
        return await _store.Store.ReadBarrierAsync(cancellationToken) == ReadStatus.Ok ? _store.Get(null, name)?.Value : null;
    }
}
