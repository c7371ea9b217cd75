using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.ServiceAccounts;

/// <summary>
/// Ensures the managed service accounts ("default") of one namespace, as Kubernetes' serviceaccounts controller
/// does: created when missing in an Active namespace, never in one that is terminating. Keys are namespace names.
/// </summary>
internal sealed class ServiceAccountReconciler(IClusterClient client, ILister<Namespace> namespaces, ILister<ServiceAccount> serviceAccounts,
    IReadOnlyList<string> managed, ILogger logger) : IReconciler
{
    private readonly IResourceClient<ServiceAccount> _serviceAccounts = client.Resource<ServiceAccount>();

    public async ValueTask<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        Namespace? ns = namespaces.Get(null, key.Name);
        if (ns is null || ns.Metadata.DeletionTimestamp is not null || ns.Status?.Phase != NamespaceResourceStrategy.ActivePhase)
        {
            return ReconcileResult.Done;
        }
        foreach (string name in managed)
        {
            if (serviceAccounts.Get(key.Name, name) is not null)
            {
                continue;
            }
            var account = new ServiceAccount { Metadata = { Name = name, Namespace = key.Name } };
            ApiResult<ServiceAccount> created = await _serviceAccounts.CreateAsync(account, cancellationToken: cancellationToken);
            // 403: the namespace began terminating meanwhile; 404: it is gone. Neither wants an account.
            if (created.IsOk || created.IsAlreadyExists || created.Code is 403 or 404)
            {
                if (created.IsOk)
                {
                    ServiceAccountLog.Created(logger, key.Name, name);
                }
                continue;
            }
            return ReconcileResult.Retry(created.ToString());
        }
        return ReconcileResult.Done;
    }
}
