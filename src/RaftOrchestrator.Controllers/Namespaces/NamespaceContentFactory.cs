using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Namespaces;

/// <summary>Makes the typed <see cref="NamespaceContent{T}"/> of a catalog descriptor (the visitor recovers T without reflection).</summary>
internal sealed class NamespaceContentFactory(IClusterClient client) : IResourceDescriptorVisitor<INamespaceContent>
{
    public INamespaceContent Visit<T>(ResourceDescriptor<T> descriptor) where T : class, IKubernetesObject, new() =>
        new NamespaceContent<T>(descriptor, client.Resource<T>());
}
