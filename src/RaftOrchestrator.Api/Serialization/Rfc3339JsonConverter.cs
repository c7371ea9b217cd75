using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>
/// A UTC time in RFC 3339 with a fixed precision (<paramref name="format"/>); any RFC 3339 offset is accepted on
/// input and converted to UTC. The two meta/v1 time types differ only in their precision.
/// </summary>
public abstract class Rfc3339JsonConverter(string format, int maxLength) : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.GetString();
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
        {
            throw new JsonException($"invalid time \"{text}\": expected RFC 3339");
        }
        return parsed.UtcDateTime;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<byte> buffer = stackalloc byte[maxLength];
        DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        utc.TryFormat(buffer, out int written, format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
