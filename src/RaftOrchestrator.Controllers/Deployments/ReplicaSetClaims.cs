using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>
/// Which ReplicaSets of its namespace a Deployment owns (Kubernetes' ControllerRefManager.ClaimReplicaSets): those
/// it controls and its selector matches; it adopts matching orphans and releases the ones it controls that no
/// longer match. Adoption and release are strategic merge patches of ownerReferences that name the ReplicaSet's uid,
/// so they never touch a same-named successor. Adoption first rechecks, with a fresh read, that the Deployment is
/// still the same object and is not being deleted.
/// </summary>
internal sealed class ReplicaSetClaims(IResourceClient<ReplicaSet> replicaSets, IResourceClient<Deployment> deployments, ILogger logger)
{
    public const string ApiVersion = "apps/v1";
    public const string Kind = "Deployment";

    /// <summary>The ReplicaSets the Deployment owns after adoptions and releases, or the failure that stopped the claim.</summary>
    public async Task<(List<ReplicaSet> Owned, string? Failure)> ClaimAsync(Deployment deployment, IReadOnlyList<ReplicaSet> candidates, LabelSelectorMatcher selector, CancellationToken cancellationToken)
    {
        var owned = new List<ReplicaSet>();
        string uid = deployment.Metadata.Uid ?? "";
        bool deleting = deployment.Metadata.DeletionTimestamp is not null;
        bool? canAdopt = null;
        foreach (ReplicaSet rs in candidates)
        {
            OwnerReference? controller = ControllerRefs.ControllerOf(rs);
            bool matches = selector.Matches(rs.Metadata.Labels);
            if (controller is not null)
            {
                if (controller.Uid != uid)
                {
                    continue;
                }
                if (matches)
                {
                    owned.Add(rs);
                }
                else if (!deleting && await ReleaseAsync(deployment, rs, cancellationToken) is { } failure)
                {
                    return (owned, failure);
                }
                continue;
            }
            if (deleting || !matches || rs.Metadata.DeletionTimestamp is not null || rs.Metadata.Namespace != deployment.Metadata.Namespace)
            {
                continue;
            }
            canAdopt ??= await CanAdoptAsync(deployment, cancellationToken);
            if (canAdopt != true)
            {
                return (owned, $"deployment {deployment.Metadata.Name} changed or is being deleted; not adopting");
            }
            ApiResult<ReplicaSet> adopted = await replicaSets.PatchAsync(rs.Metadata.Namespace, rs.Metadata.Name ?? "",
                OwnerPatch(rs, ControllerRefs.For(deployment, ApiVersion, Kind), remove: false), cancellationToken: cancellationToken);
            if (adopted.IsNotFound)
            {
                continue;
            }
            if (!adopted.IsOk)
            {
                return (owned, $"adopting replica set {rs.Metadata.Name}: {adopted}");
            }
            DeploymentLog.Claimed(logger, deployment.Metadata.Name ?? "", "adopted", rs.Metadata.Name ?? "");
            owned.Add(adopted.Value);
        }
        return (owned, null);
    }

    private async Task<string?> ReleaseAsync(Deployment deployment, ReplicaSet rs, CancellationToken cancellationToken)
    {
        OwnerReference reference = ControllerRefs.For(deployment, ApiVersion, Kind);
        ApiResult<ReplicaSet> released = await replicaSets.PatchAsync(rs.Metadata.Namespace, rs.Metadata.Name ?? "",
            OwnerPatch(rs, reference, remove: true), cancellationToken: cancellationToken);
        // Gone, or replaced by another object of that name (its uid no longer matches): nothing left to release.
        if (released.IsOk || released.IsNotFound || released.IsInvalid)
        {
            DeploymentLog.Claimed(logger, deployment.Metadata.Name ?? "", "released", rs.Metadata.Name ?? "");
            return null;
        }
        return $"releasing replica set {rs.Metadata.Name}: {released}";
    }

    private async Task<bool> CanAdoptAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        ApiResult<Deployment> fresh = await deployments.GetAsync(deployment.Metadata.Namespace, deployment.Metadata.Name ?? "", cancellationToken);
        return fresh.IsOk && fresh.Value.Metadata.Uid == deployment.Metadata.Uid && fresh.Value.Metadata.DeletionTimestamp is null;
    }

    /// <summary>
    /// {"metadata":{"ownerReferences":[ref],"uid":rs-uid}}, or with {"$patch":"delete","uid":owner-uid} to release:
    /// ownerReferences merge by uid, and the uid makes the patch fail on a different object of the same name.
    /// </summary>
    private static Patch OwnerPatch(ReplicaSet rs, OwnerReference owner, bool remove)
    {
        JsonObject reference = remove
            ? new JsonObject { ["$patch"] = "delete", ["uid"] = owner.Uid }
            : new JsonObject
            {
                ["apiVersion"] = owner.ApiVersion,
                ["kind"] = owner.Kind,
                ["name"] = owner.Name,
                ["uid"] = owner.Uid,
                ["controller"] = true,
                ["blockOwnerDeletion"] = true,
            };
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["ownerReferences"] = new JsonArray(reference),
                ["uid"] = rs.Metadata.Uid,
            },
        };
        return new Patch(PatchType.StrategicMerge, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}
