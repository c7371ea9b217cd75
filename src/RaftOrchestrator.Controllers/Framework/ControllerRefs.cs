using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Controllers.Framework;

/// <summary>Owner references as controllers use them: the one controlling owner, matched by uid.</summary>
public static class ControllerRefs
{
    /// <summary>The owner reference with controller=true, if any (an object has at most one).</summary>
    public static OwnerReference? ControllerOf(IKubernetesObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Metadata.OwnerReferences?.Find(r => r.Controller == true);
    }

    public static bool IsControlledBy(IKubernetesObject value, string? ownerUid) =>
        ownerUid is { Length: > 0 } && ControllerOf(value)?.Uid == ownerUid;

    /// <summary>A controlling reference to <paramref name="owner"/> that blocks the owner's foreground deletion.</summary>
    public static OwnerReference For(IKubernetesObject owner, string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new OwnerReference
        {
            ApiVersion = apiVersion,
            Kind = kind,
            Name = owner.Metadata.Name ?? "",
            Uid = owner.Metadata.Uid ?? "",
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }
}
