using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Protobuf;

internal static partial class ProtoJsonDecoder
{
    private const long MinUnixSeconds = -62135596800; // 0001-01-01T00:00:00Z
    private const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z

    /// <summary>A scalar, or one of the small well-known messages that are scalars in JSON.</summary>
    private static bool TryValue(ref ProtoReader reader, ProtoKind kind, string path, out JsonNode? value, out bool zero, out string? error)
    {
        value = null;
        zero = false;
        error = null;
        ulong raw = 0;
        ReadOnlySpan<byte> bytes = default;
        bool ok = kind switch
        {
            ProtoKind.Int32 or ProtoKind.Int64 or ProtoKind.Bool => reader.TryReadVarint(out raw),
            ProtoKind.Double => reader.TryReadFixed64(out raw),
            _ => reader.TryReadBytes(out bytes),
        };
        if (!ok)
        {
            return Fail(path, reader.Error!, out error);
        }
        switch (kind)
        {
            case ProtoKind.Int32:
                zero = (int)raw == 0;
                value = JsonValue.Create((int)raw);
                return true;
            case ProtoKind.Int64:
                zero = raw == 0;
                value = JsonValue.Create((long)raw);
                return true;
            case ProtoKind.Bool:
                zero = raw == 0;
                value = JsonValue.Create(raw != 0);
                return true;
            case ProtoKind.Double:
                double d = BitConverter.UInt64BitsToDouble(raw);
                if (!double.IsFinite(d))
                {
                    return Fail(path, "a double that JSON cannot hold (NaN or infinite)", out error);
                }
                zero = d == 0;
                value = JsonValue.Create(d);
                return true;
            case ProtoKind.String:
                zero = bytes.IsEmpty;
                value = JsonValue.Create(s_utf8.GetString(bytes));
                return true;
            case ProtoKind.Bytes:
                zero = bytes.IsEmpty;
                value = JsonValue.Create(Convert.ToBase64String(bytes));
                return true;
            case ProtoKind.IntOrString:
                return TryIntOrString(bytes, path, out value, out error);
            case ProtoKind.Quantity:
                return TryQuantity(bytes, path, out value, out error);
            case ProtoKind.Time or ProtoKind.MicroTime:
                return TryTime(bytes, kind == ProtoKind.MicroTime, path, out value, out error);
            case ProtoKind.RawJson:
                return TryRawJson(bytes, path, out value, out error);
            default:
                return Fail(path, $"{kind} is not a scalar", out error);
        }
    }

    // {1 type (0 int, 1 string), 2 intVal, 3 strVal}
    private static bool TryIntOrString(ReadOnlySpan<byte> bytes, string path, out JsonNode? value, out string? error)
    {
        value = null;
        var reader = new ProtoReader(bytes);
        ulong type = 0;
        ulong intValue = 0;
        string strValue = "";
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType))
            {
                return Fail(path, reader.Error!, out error);
            }
            bool ok = (number, wireType) switch
            {
                (1, ProtoReader.Varint) => reader.TryReadVarint(out type),
                (2, ProtoReader.Varint) => reader.TryReadVarint(out intValue),
                (3, ProtoReader.LengthDelimited) => TryReadString(ref reader, out strValue),
                _ => reader.TrySkip(wireType),
            };
            if (!ok)
            {
                return Fail(path, reader.Error!, out error);
            }
        }
        value = type == 1 ? JsonValue.Create(strValue) : JsonValue.Create((int)intValue);
        error = null;
        return true;
    }

    // {1 string}; a zero Quantity is "0" in Go's JSON.
    private static bool TryQuantity(ReadOnlySpan<byte> bytes, string path, out JsonNode? value, out string? error)
    {
        value = null;
        var reader = new ProtoReader(bytes);
        string text = "";
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType)
                || !(number == 1 && wireType == ProtoReader.LengthDelimited ? TryReadString(ref reader, out text) : reader.TrySkip(wireType)))
            {
                return Fail(path, reader.Error!, out error);
            }
        }
        value = JsonValue.Create(text.Length == 0 ? "0" : text);
        error = null;
        return true;
    }

    // {1 seconds, 2 nanos}; no bytes at all is the zero time, which Go writes as null.
    private static bool TryTime(ReadOnlySpan<byte> bytes, bool micro, string path, out JsonNode? value, out string? error)
    {
        value = null;
        error = null;
        if (bytes.IsEmpty)
        {
            return true;
        }
        var reader = new ProtoReader(bytes);
        ulong seconds = 0;
        ulong nanos = 0;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType))
            {
                return Fail(path, reader.Error!, out error);
            }
            bool ok = (number, wireType) switch
            {
                (1, ProtoReader.Varint) => reader.TryReadVarint(out seconds),
                (2, ProtoReader.Varint) => reader.TryReadVarint(out nanos),
                _ => reader.TrySkip(wireType),
            };
            if (!ok)
            {
                return Fail(path, reader.Error!, out error);
            }
        }
        long s = (long)seconds;
        int n = (int)nanos;
        if (s is < MinUnixSeconds or > MaxUnixSeconds || n is < 0 or > 999_999_999)
        {
            return Fail(path, $"time {s}s {n}ns is out of range", out error);
        }
        DateTime time = DateTime.UnixEpoch.AddSeconds(s).AddTicks(n / 100);
        value = JsonValue.Create(time.ToString(micro ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return true;
    }

    // FieldsV1 {1 raw}: the raw bytes are a JSON document.
    private static bool TryRawJson(ReadOnlySpan<byte> bytes, string path, out JsonNode? value, out string? error)
    {
        value = null;
        var reader = new ProtoReader(bytes);
        ReadOnlySpan<byte> raw = default;
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType)
                || !(number == 1 && wireType == ProtoReader.LengthDelimited ? reader.TryReadBytes(out raw) : reader.TrySkip(wireType)))
            {
                return Fail(path, reader.Error!, out error);
            }
        }
        error = null;
        if (raw.IsEmpty)
        {
            return true;
        }
        try
        {
            value = JsonNode.Parse(raw);
            return true;
        }
        catch (JsonException e)
        {
            return Fail(path, $"raw JSON is invalid: {e.Message}", out error);
        }
    }

    private static bool TryReadString(ref ProtoReader reader, out string value)
    {
        bool ok = reader.TryReadBytes(out ReadOnlySpan<byte> bytes);
        value = ok ? s_utf8.GetString(bytes) : "";
        return ok;
    }
}
