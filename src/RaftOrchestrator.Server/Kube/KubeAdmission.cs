using RaftOrchestrator.Api.Authentication;
using RaftOrchestrator.Api.Authorization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Server.Kube.Admission;
using RaftOrchestrator.Server.Kube.Auth;
using RaftOrchestrator.Server.Kube.Bindings;
using RaftOrchestrator.Server.Kube.Endpoints;
using RaftOrchestrator.Server.Kube.Kinds;

namespace RaftOrchestrator.Server.Kube;

/// <summary>The built-in admission plugins, in kube-apiserver's order, and the kind-specific endpoint hooks.</summary>
public static class KubeAdmission
{
    public static IEnumerable<IMutatingAdmission> Mutating(IServiceProvider services) =>
        [new PodDefaultsAdmission(), services.GetRequiredService<PriorityAdmission>()];

    public static IEnumerable<IValidatingAdmission> Validating(IServiceProvider services) =>
        [new NamespaceLifecycle(services.GetRequiredService<NamespaceLookup>()), services.GetRequiredService<PriorityAdmission>()];

    public static EndpointHookRegistry Hooks(IServiceProvider services)
    {
        ApiCatalog catalog = services.GetRequiredService<ApiCatalog>();
        IAuthorizer authorizer = services.GetRequiredService<IAuthorizer>();
        return new EndpointHookRegistry()
            .Add(new EndpointHooks<Pod>([new PodBindingHandler(), new PodEvictionHandler(), PodLog(services, catalog)], new PodDeletionPolicy()))
            .Add(new EndpointHooks<Namespace>([new NamespaceFinalizeHandler()], new NamespaceDeletionPolicy()))
            .Add(new EndpointHooks<Service>([], Allocation: new ServiceAllocation { Descriptor = catalog.Find("", "services")! }))
            .Add(new EndpointHooks<SelfSubjectAccessReview>([new SelfSubjectAccessReviewHandler(authorizer)]))
            .Add(new EndpointHooks<SelfSubjectReview>([new SelfSubjectReviewHandler()]))
            .Add(new EndpointHooks<BindingBatch>([new BindingBatchHandler(services.GetRequiredService<BindingBatchApplier>())]));
    }

    private static PodLogHandler PodLog(IServiceProvider services, ApiCatalog catalog) => new(
        services.GetRequiredService<KubeletClient>(),
        new Registry.ResourceStore<Node>((ResourceDescriptor<Node>)catalog.Find("", "nodes")!, services.GetRequiredService<KubeStore>()));
}
