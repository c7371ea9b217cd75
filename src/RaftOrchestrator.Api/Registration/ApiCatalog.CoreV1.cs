using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Api.Registration;

public sealed partial class ApiCatalog
{
    partial void RegisterCoreV1()
    {
        Add(new ResourceDescriptor<ConfigMap>
        {
            Group = "", Version = "v1", Kind = "ConfigMap", Plural = "configmaps", Singular = "configmap",
            Namespaced = true, ShortNames = ["cm"], Strategy = new ConfigMapResourceStrategy(),
        });
    }
}
