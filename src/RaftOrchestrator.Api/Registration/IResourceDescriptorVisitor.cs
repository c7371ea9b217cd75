using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Registration;

/// <summary>Recovers the static type of a descriptor: the server builds one typed endpoint per kind through it, with no reflection.</summary>
public interface IResourceDescriptorVisitor<out TResult>
{
    TResult Visit<T>(ResourceDescriptor<T> descriptor) where T : class, IKubernetesObject, new();
}
