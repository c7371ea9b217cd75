using MessagePack;
using MessagePack.Formatters;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>An int or a string, in its own MessagePack type: no wrapper, so the form given is kept.</summary>
public sealed class IntOrStringMessagePackFormatter : IMessagePackFormatter<IntOrString>
{
    public void Serialize(ref MessagePackWriter writer, IntOrString value, MessagePackSerializerOptions options)
    {
        if (value.IsInt)
        {
            writer.Write(value.IntValue);
        }
        else
        {
            writer.Write(value.StringValue);
        }
    }

    public IntOrString Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        reader.NextMessagePackType == MessagePackType.String
            ? IntOrString.FromString(reader.ReadString()!)
            : IntOrString.FromInt(reader.ReadInt32());
}
