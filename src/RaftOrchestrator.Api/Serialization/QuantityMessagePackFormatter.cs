using MessagePack;
using MessagePack.Formatters;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

public sealed class QuantityMessagePackFormatter : IMessagePackFormatter<Quantity>
{
    public void Serialize(ref MessagePackWriter writer, Quantity value, MessagePackSerializerOptions options) =>
        writer.Write(value.Text ?? "0");

    public Quantity Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options) =>
        new(reader.ReadString() ?? "0");
}
