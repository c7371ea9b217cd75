using System.Text;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Protobuf;

/// <summary>
/// Decodes a message into JSON by its descriptor, producing what Go's encoding/json writes for the same object:
/// scalar zero values are dropped unless the field keeps them (<see cref="ProtoFlags.KeepZero"/>), a message on the
/// wire is always an object (Go never omits a struct, even an empty one), repeated fields are arrays, unknown fields
/// are skipped. Failures are values: the first malformed byte ends the decode with a message naming the field path.
/// </summary>
internal static partial class ProtoJsonDecoder
{
    // Go's JSON for a []byte or string is the same whatever the bytes; invalid UTF-8 becomes U+FFFD, as Go writes it.
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static bool TryDecode(ReadOnlySpan<byte> data, ProtoMessage message, JsonObject target, string path, out string? error)
    {
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType))
            {
                return Fail(path, reader.Error!, out error);
            }
            ProtoField? field = message.Find(number);
            if (field is null)
            {
                if (!reader.TrySkip(wireType))
                {
                    return Fail(path, reader.Error!, out error);
                }
                continue;
            }
            string fieldPath = field.Inline ? path : path.Length == 0 ? field.JsonName : $"{path}.{field.JsonName}";
            if (!TryField(ref reader, wireType, field, target, fieldPath, out error))
            {
                return false;
            }
        }
        error = null;
        return true;
    }

    private static bool TryField(ref ProtoReader reader, int wireType, ProtoField field, JsonObject target, string path, out string? error)
    {
        if (field.Repeated && wireType == ProtoReader.LengthDelimited && IsPackable(field.Kind))
        {
            return TryPacked(ref reader, field, target, path, out error);
        }
        int expected = ExpectedWireType(field.Kind);
        if (wireType != expected)
        {
            return Fail(path, $"wire type {wireType} for a {field.Kind} field (expected {expected})", out error);
        }
        switch (field.Kind)
        {
            case ProtoKind.Message:
                return TryMessage(ref reader, field, target, path, out error);
            case ProtoKind.MapStringString or ProtoKind.MapStringBytes or ProtoKind.MapQuantity or ProtoKind.MapStringList:
                return TryMapEntry(ref reader, field, target, path, out error);
        }
        if (!TryValue(ref reader, field.Kind, path, out JsonNode? value, out bool zero, out error))
        {
            return false;
        }
        if (field.Repeated)
        {
            Array(target, field.JsonName).Add(value);
        }
        else if (zero && !field.KeepZero)
        {
            target.Remove(field.JsonName);
        }
        else
        {
            target[field.JsonName] = value;
        }
        return true;
    }

    private static bool TryPacked(ref ProtoReader reader, ProtoField field, JsonObject target, string path, out string? error)
    {
        if (!reader.TryReadBytes(out ReadOnlySpan<byte> packed))
        {
            return Fail(path, reader.Error!, out error);
        }
        JsonArray array = Array(target, field.JsonName);
        var inner = new ProtoReader(packed);
        while (!inner.End)
        {
            if (!TryValue(ref inner, field.Kind, path, out JsonNode? value, out _, out error))
            {
                return false;
            }
            array.Add(value);
        }
        error = null;
        return true;
    }

    private static bool TryMessage(ref ProtoReader reader, ProtoField field, JsonObject target, string path, out string? error)
    {
        if (!reader.TryReadBytes(out ReadOnlySpan<byte> bytes))
        {
            return Fail(path, reader.Error!, out error);
        }
        if (field.Inline)
        {
            return TryDecode(bytes, field.Message!, target, path, out error);
        }
        if (field.Repeated)
        {
            var item = new JsonObject();
            JsonArray array = Array(target, field.JsonName);
            array.Add(item);
            return TryDecode(bytes, field.Message!, item, $"{path}[{array.Count - 1}]", out error);
        }
        // A message field seen twice merges, as protobuf merges it.
        if (target[field.JsonName] is not JsonObject obj)
        {
            obj = new JsonObject();
            target[field.JsonName] = obj;
        }
        return TryDecode(bytes, field.Message!, obj, path, out error);
    }

    private static JsonArray Array(JsonObject target, string name)
    {
        if (target[name] is not JsonArray array)
        {
            array = [];
            target[name] = array;
        }
        return array;
    }

    private static bool IsPackable(ProtoKind kind) => kind is ProtoKind.Int32 or ProtoKind.Int64 or ProtoKind.Bool or ProtoKind.Double;

    private static int ExpectedWireType(ProtoKind kind) => kind switch
    {
        ProtoKind.Int32 or ProtoKind.Int64 or ProtoKind.Bool => ProtoReader.Varint,
        ProtoKind.Double => ProtoReader.Fixed64,
        _ => ProtoReader.LengthDelimited,
    };

    private static bool Fail(string path, string message, out string? error)
    {
        error = path.Length == 0 ? $"protobuf: {message}" : $"protobuf: {path}: {message}";
        return false;
    }
}
