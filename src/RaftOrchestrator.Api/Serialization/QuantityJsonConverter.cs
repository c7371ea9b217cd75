using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>A quantity is a string on the wire; a JSON number is taken as its text (YAML <c>cpu: 1</c> arrives as 1).</summary>
public sealed class QuantityJsonConverter : JsonConverter<Quantity>
{
    public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            _ => throw new JsonException("expected a quantity (a string such as \"100m\" or a number)"),
        };
        if (!Quantity.TryParse(text, out _))
        {
            throw new JsonException($"quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': \"{text}\"");
        }
        return new Quantity(text);
    }

    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text ?? "0");
}
