using System.Text;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Framework;

/// <summary>
/// Strategic merge patches of metadata.ownerReferences (a list merged by uid), as Kubernetes' controllers send them
/// to adopt, release and unblock without reading the whole object. Each carries the dependent's uid: uid is
/// immutable, so a patch that reaches an object recreated under the same name fails (422) instead of changing it.
/// </summary>
public static class OwnerReferencePatches
{
    /// <summary>Adds (or replaces) the reference with <paramref name="reference"/>'s uid.</summary>
    public static Patch Adopt(string? dependentUid, OwnerReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var entry = new JsonObject
        {
            ["apiVersion"] = reference.ApiVersion,
            ["kind"] = reference.Kind,
            ["name"] = reference.Name,
            ["uid"] = reference.Uid,
        };
        if (reference.Controller is { } controller)
        {
            entry["controller"] = controller;
        }
        if (reference.BlockOwnerDeletion is { } block)
        {
            entry["blockOwnerDeletion"] = block;
        }
        return Of(dependentUid, [entry]);
    }

    /// <summary>Removes the references to these owner uids.</summary>
    public static Patch Remove(string? dependentUid, IEnumerable<string> ownerUids) =>
        Of(dependentUid, ownerUids.Select(uid => new JsonObject { ["$patch"] = "delete", ["uid"] = uid }));

    /// <summary>Sets blockOwnerDeletion=false on the references to these owner uids.</summary>
    public static Patch Unblock(string? dependentUid, IEnumerable<string> ownerUids) =>
        Of(dependentUid, ownerUids.Select(uid => new JsonObject { ["uid"] = uid, ["blockOwnerDeletion"] = false }));

    private static Patch Of(string? dependentUid, IEnumerable<JsonObject> entries)
    {
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject { ["ownerReferences"] = new JsonArray([.. entries]), ["uid"] = dependentUid },
        };
        return new Patch(PatchType.StrategicMerge, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}
