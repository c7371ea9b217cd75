using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Client;

/// <summary>Deep copies of model objects (through their MessagePack encoding), for changing what a cache shares.</summary>
public static class ObjectCopy
{
    public static T Clone<T>(T value) where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(value);
        return ApiMessagePack.Deserialize<T>(ApiMessagePack.Serialize(value));
    }
}
