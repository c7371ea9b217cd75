using System.Buffers;
using System.Text.Json;
using MessagePack;
using MessagePack.Formatters;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>Free-form JSON (managedFields' fieldsV1) kept as its UTF-8 JSON text in a MessagePack bin.</summary>
public sealed class JsonElementMessagePackFormatter : IMessagePackFormatter<JsonElement?>
{
    public void Serialize(ref MessagePackWriter writer, JsonElement? value, MessagePackSerializerOptions options)
    {
        if (value is not { } element)
        {
            writer.WriteNil();
            return;
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(json);
        }
        writer.Write(buffer.WrittenSpan);
    }

    public JsonElement? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
    {
        if (reader.TryReadNil())
        {
            return null;
        }
        ReadOnlySequence<byte> bytes = reader.ReadBytes() ?? default;
        var json = new Utf8JsonReader(bytes);
        return JsonElement.ParseValue(ref json);
    }
}
