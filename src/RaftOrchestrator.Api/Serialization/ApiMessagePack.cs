using MessagePack;
using MessagePack.Resolvers;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>
/// The MessagePack encoding of the model (what the store holds and internal components exchange): integer keys
/// (arrays), the types' own formatters for IntOrString and Quantity, timestamps as MessagePack timestamps.
/// Input from clients is untrusted: depth and collision limits are on.
/// </summary>
public static class ApiMessagePack
{
    public static MessagePackSerializerOptions Options { get; } = MessagePackSerializerOptions.Standard
        .WithResolver(StandardResolver.Instance)
        .WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(64));

    public static byte[] Serialize<T>(T value) => MessagePackSerializer.Serialize(value, Options);

    /// <summary>Decodes an object; a missing metadata becomes an empty one. Throws <see cref="MessagePackSerializationException"/> on bad input.</summary>
    public static T Deserialize<T>(ReadOnlyMemory<byte> bytes) where T : class, IKubernetesObject
    {
        T value = MessagePackSerializer.Deserialize<T>(bytes, Options) ?? throw new MessagePackSerializationException("nil is not an object");
        value.Metadata ??= new ObjectMeta();
        return value;
    }
}
