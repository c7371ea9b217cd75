using System.Globalization;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Server.Kube.Registry;

/// <summary>
/// Stored form of one kind: MessagePack of the object with resourceVersion cleared (the key's mod revision is the
/// resource version, so it is set on every read and never stored). apiVersion and kind are stored, so the bytes
/// a MessagePack watcher receives are a complete object.
/// </summary>
public sealed class ObjectCodec<T>(ResourceDescriptor<T> descriptor) where T : class, IKubernetesObject, new()
{
    public T Decode(ReadOnlyMemory<byte> bytes, long modRevision)
    {
        T value = ApiMessagePack.Deserialize<T>(bytes);
        value.ApiVersion = descriptor.ApiVersion;
        value.Kind = descriptor.Kind;
        value.Metadata.ResourceVersion = modRevision.ToString(CultureInfo.InvariantCulture);
        return value;
    }

    public byte[] Encode(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string? resourceVersion = value.Metadata.ResourceVersion;
        value.ApiVersion = descriptor.ApiVersion;
        value.Kind = descriptor.Kind;
        value.Metadata.ResourceVersion = null;
        try
        {
            return ApiMessagePack.Serialize(value);
        }
        finally
        {
            value.Metadata.ResourceVersion = resourceVersion;
        }
    }

    /// <summary>A deep copy through the stored encoding (strategies mutate objects in place).</summary>
    public T Clone(T value, long modRevision) => Decode(Encode(value), modRevision);
}
