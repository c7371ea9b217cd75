using RaftOrchestrator.Api.Authentication;
using RaftOrchestrator.Api.Authorization;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Discovery;
using RaftOrchestrator.Api.Scheduling;

namespace RaftOrchestrator.Api.Registration;

public sealed partial class ApiCatalog
{
    partial void RegisterOthers()
    {
        Add(new ResourceDescriptor<Lease>
        {
            Group = "coordination.k8s.io", Version = "v1", Kind = "Lease", Plural = "leases", Singular = "lease",
            Namespaced = true, Strategy = new LeaseResourceStrategy(),
        });
        Add(new ResourceDescriptor<EndpointSlice>
        {
            Group = "discovery.k8s.io", Version = "v1", Kind = "EndpointSlice", Plural = "endpointslices",
            Singular = "endpointslice", Namespaced = true, Strategy = new EndpointSliceResourceStrategy(),
        });
        Add(new ResourceDescriptor<PriorityClass>
        {
            Group = "scheduling.k8s.io", Version = "v1", Kind = "PriorityClass", Plural = "priorityclasses",
            Singular = "priorityclass", Namespaced = false, ShortNames = ["pc"], Strategy = new PriorityClassResourceStrategy(),
        });
        Add(new ResourceDescriptor<SelfSubjectAccessReview>
        {
            Group = "authorization.k8s.io", Version = "v1", Kind = "SelfSubjectAccessReview",
            Plural = "selfsubjectaccessreviews", Singular = "selfsubjectaccessreview", Namespaced = false,
            Stored = false, Verbs = ["create"], Strategy = new SelfSubjectAccessReviewResourceStrategy(),
        });
        Add(new ResourceDescriptor<SelfSubjectReview>
        {
            Group = "authentication.k8s.io", Version = "v1", Kind = "SelfSubjectReview",
            Plural = "selfsubjectreviews", Singular = "selfsubjectreview", Namespaced = false,
            Stored = false, Verbs = ["create"], Strategy = new SelfSubjectReviewResourceStrategy(),
        });
        Add(new ResourceDescriptor<BindingBatch>
        {
            Group = "scheduling.raftorchestrator.io", Version = "v1", Kind = "BindingBatch",
            Plural = "bindingbatches", Singular = "bindingbatch", Namespaced = false,
            Stored = false, Verbs = ["create"], Strategy = new BindingBatchResourceStrategy(),
        });
    }
}
