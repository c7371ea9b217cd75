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
        Add(new ResourceDescriptor<Namespace>
        {
            Group = "", Version = "v1", Kind = "Namespace", Plural = "namespaces", Singular = "namespace",
            Namespaced = false, ShortNames = ["ns"], Subresources = ["status", "finalize"], Strategy = new NamespaceResourceStrategy(),
        });
        Add(new ResourceDescriptor<Node>
        {
            Group = "", Version = "v1", Kind = "Node", Plural = "nodes", Singular = "node",
            Namespaced = false, ShortNames = ["no"], Subresources = ["status"], Strategy = new NodeResourceStrategy(),
        });
        Add(new ResourceDescriptor<Service>
        {
            Group = "", Version = "v1", Kind = "Service", Plural = "services", Singular = "service",
            Namespaced = true, ShortNames = ["svc"], Categories = ["all"], Subresources = ["status"],
            Strategy = new ServiceResourceStrategy(),
        });
        Add(new ResourceDescriptor<Endpoints>
        {
            Group = "", Version = "v1", Kind = "Endpoints", Plural = "endpoints", Singular = "endpoints",
            Namespaced = true, ShortNames = ["ep"], Strategy = new EndpointsResourceStrategy(),
        });
        Add(new ResourceDescriptor<Secret>
        {
            Group = "", Version = "v1", Kind = "Secret", Plural = "secrets", Singular = "secret",
            Namespaced = true, Strategy = new SecretResourceStrategy(),
        });
        Add(new ResourceDescriptor<ServiceAccount>
        {
            Group = "", Version = "v1", Kind = "ServiceAccount", Plural = "serviceaccounts", Singular = "serviceaccount",
            Namespaced = true, ShortNames = ["sa"], Strategy = new ServiceAccountResourceStrategy(),
        });
        Add(new ResourceDescriptor<Event>
        {
            Group = "", Version = "v1", Kind = "Event", Plural = "events", Singular = "event",
            Namespaced = true, ShortNames = ["ev"], Strategy = new EventResourceStrategy(),
        });
        Add(new ResourceDescriptor<ResourceQuota>
        {
            Group = "", Version = "v1", Kind = "ResourceQuota", Plural = "resourcequotas", Singular = "resourcequota",
            Namespaced = true, ShortNames = ["quota"], Subresources = ["status"], Strategy = new ResourceQuotaResourceStrategy(),
        });
        Add(new ResourceDescriptor<LimitRange>
        {
            Group = "", Version = "v1", Kind = "LimitRange", Plural = "limitranges", Singular = "limitrange",
            Namespaced = true, ShortNames = ["limits"], Strategy = new LimitRangeResourceStrategy(),
        });
    }
}
