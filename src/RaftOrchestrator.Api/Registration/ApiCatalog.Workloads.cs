using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Api.Registration;

public sealed partial class ApiCatalog
{
    partial void RegisterWorkloads()
    {
        Add(new ResourceDescriptor<Pod>
        {
            Group = "", Version = "v1", Kind = "Pod", Plural = "pods", Singular = "pod", Namespaced = true,
            ShortNames = ["po"], Categories = ["all"], Subresources = ["status", "binding", "eviction", "log", "exec"],
            Strategy = new PodResourceStrategy(),
        });
        Add(new ResourceDescriptor<ReplicationController>
        {
            Group = "", Version = "v1", Kind = "ReplicationController", Plural = "replicationcontrollers",
            Singular = "replicationcontroller", Namespaced = true, ShortNames = ["rc"], Categories = ["all"],
            Subresources = ["status", "scale"], Strategy = new ReplicationControllerResourceStrategy(),
        });
        Add(new ResourceDescriptor<Deployment>
        {
            Group = "apps", Version = "v1", Kind = "Deployment", Plural = "deployments", Singular = "deployment",
            Namespaced = true, ShortNames = ["deploy"], Categories = ["all"], Subresources = ["status", "scale"],
            Strategy = new DeploymentResourceStrategy(),
        });
        Add(new ResourceDescriptor<ReplicaSet>
        {
            Group = "apps", Version = "v1", Kind = "ReplicaSet", Plural = "replicasets", Singular = "replicaset",
            Namespaced = true, ShortNames = ["rs"], Categories = ["all"], Subresources = ["status", "scale"],
            Strategy = new ReplicaSetResourceStrategy(),
        });
    }
}
