using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Protobuf;

internal static partial class ProtoJsonDecoder
{
    /// <summary>One map entry, a message {1 key, 2 value}; either may be missing (the zero value).</summary>
    private static bool TryMapEntry(ref ProtoReader reader, ProtoField field, JsonObject target, string path, out string? error)
    {
        if (!reader.TryReadBytes(out ReadOnlySpan<byte> entry))
        {
            return Fail(path, reader.Error!, out error);
        }
        var inner = new ProtoReader(entry);
        string key = "";
        JsonNode? value = null;
        bool hasValue = false;
        while (!inner.End)
        {
            if (!inner.TryReadTag(out int number, out int wireType))
            {
                return Fail(path, inner.Error!, out error);
            }
            if (number is not (1 or 2))
            {
                if (!inner.TrySkip(wireType))
                {
                    return Fail(path, inner.Error!, out error);
                }
                continue;
            }
            if (wireType != ProtoReader.LengthDelimited)
            {
                return Fail(path, $"wire type {wireType} in a map entry (expected 2)", out error);
            }
            if (number == 1)
            {
                if (!TryReadString(ref inner, out key))
                {
                    return Fail(path, inner.Error!, out error);
                }
                continue;
            }
            if (!TryMapValue(ref inner, field.Kind, $"{path}[{key}]", out value, out error))
            {
                return false;
            }
            hasValue = true;
        }
        if (!hasValue)
        {
            value = field.Kind switch
            {
                ProtoKind.MapQuantity => JsonValue.Create("0"),
                ProtoKind.MapStringList => new JsonArray(),
                _ => JsonValue.Create(""),
            };
        }
        if (target[field.JsonName] is not JsonObject map)
        {
            map = [];
            target[field.JsonName] = map;
        }
        map[key] = value;
        error = null;
        return true;
    }

    private static bool TryMapValue(ref ProtoReader reader, ProtoKind mapKind, string path, out JsonNode? value, out string? error)
    {
        switch (mapKind)
        {
            case ProtoKind.MapStringString:
                return TryValue(ref reader, ProtoKind.String, path, out value, out _, out error);
            case ProtoKind.MapStringBytes:
                return TryValue(ref reader, ProtoKind.Bytes, path, out value, out _, out error);
            case ProtoKind.MapQuantity:
                return TryValue(ref reader, ProtoKind.Quantity, path, out value, out _, out error);
            default:
                // ExtraValue {1 repeated string items}
                value = null;
                if (!reader.TryReadBytes(out ReadOnlySpan<byte> list))
                {
                    return Fail(path, reader.Error!, out error);
                }
                var items = new JsonArray();
                var inner = new ProtoReader(list);
                while (!inner.End)
                {
                    if (!inner.TryReadTag(out int number, out int wireType))
                    {
                        return Fail(path, inner.Error!, out error);
                    }
                    if (number == 1 && wireType == ProtoReader.LengthDelimited)
                    {
                        if (!TryReadString(ref inner, out string item))
                        {
                            return Fail(path, inner.Error!, out error);
                        }
                        items.Add(item);
                    }
                    else if (!inner.TrySkip(wireType))
                    {
                        return Fail(path, inner.Error!, out error);
                    }
                }
                value = items;
                error = null;
                return true;
        }
    }
}
