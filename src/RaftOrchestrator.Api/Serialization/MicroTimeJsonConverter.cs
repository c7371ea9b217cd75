using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>meta/v1 MicroTime (Event.eventTime, Lease renewTime): RFC 3339 in UTC with six fractional digits.</summary>
public sealed class MicroTimeJsonConverter : JsonConverter<DateTime>
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
        Span<byte> buffer = stackalloc byte[32];
        DateTime utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        utc.TryFormat(buffer, out int written, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
