using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Apps;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

internal static class OwnerReferenceAssert
{
    public static void ControlledBy(IKubernetesObject value, Deployment owner)
    {
        OwnerReference reference = Assert.Single(value.Metadata.OwnerReferences!);
        Assert.Equal(("apps/v1", "Deployment", owner.Metadata.Name, owner.Metadata.Uid), (reference.ApiVersion, reference.Kind, reference.Name, reference.Uid));
        Assert.True(reference.Controller);
        Assert.True(reference.BlockOwnerDeletion);
    }
}
