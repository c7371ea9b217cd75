using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Testing;

public sealed partial class InMemoryClusterClient
{
    /// <summary>
    /// Creates an object for a test's setup, bypassing fault rules and the action record. A status given is kept
    /// (written through the status subresource after the create, as a node agent or controller would). Throws
    /// <see cref="ApiException"/> when the server would refuse the object.
    /// </summary>
    public T Seed<T>(T value) where T : class, IKubernetesObject, new()
    {
        ArgumentNullException.ThrowIfNull(value);
        var resource = (InMemoryResourceClient<T>)Resource<T>();
        lock (_gate)
        {
            ThrowIfDisposed();
            T created = resource.Create(value, dryRun: false).Unwrap();
            if (!resource.Descriptor.Strategy.HasStatusSubresource || !HasStatus(resource.Descriptor.Strategy, value))
            {
                return created;
            }
            resource.Descriptor.Strategy.CopyStatus(value, created);
            return resource.Update(created, UpdateMode.Status, dryRun: false).Unwrap();
        }
    }

    /// <summary>Whether the value's status differs from a new object's (so seeding writes it).</summary>
    private static bool HasStatus<T>(Api.Registration.ResourceStrategy<T> strategy, T value) where T : class, IKubernetesObject, new()
    {
        var given = new T();
        strategy.CopyStatus(value, given);
        return !Api.Serialization.ApiMessagePack.Serialize(given).AsSpan().SequenceEqual(Api.Serialization.ApiMessagePack.Serialize(new T()));
    }

    /// <summary>Every current object of a kind, in key order (namespace/name), as fresh copies: for assertions.</summary>
    public IReadOnlyList<T> Objects<T>(string? @namespace = null) where T : class, IKubernetesObject, new()
    {
        var resource = (InMemoryResourceClient<T>)Resource<T>();
        lock (_gate)
        {
            return resource.List(string.IsNullOrEmpty(@namespace) ? null : @namespace, new ListRequest()).Unwrap().Items;
        }
    }
}
