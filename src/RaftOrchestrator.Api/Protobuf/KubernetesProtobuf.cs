using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Api.Protobuf;

/// <summary>
/// Reads <c>application/vnd.kubernetes.protobuf</c> request bodies, which kubectl sends for built-in kinds
/// (create namespace, configmap, secret, deployment, serviceaccount, service; auth can-i, auth whoami), as the JSON
/// the same object has: the body is "k8s\0" and a runtime.Unknown {1 typeMeta {1 apiVersion, 2 kind}, 2 raw,
/// 3 contentEncoding, 4 contentType} whose raw bytes are the object in k8s.io/api's field numbering.
/// Only decoding: the server answers in JSON, which kubectl accepts.
/// </summary>
public static class KubernetesProtobuf
{
    public const string ContentType = "application/vnd.kubernetes.protobuf";

    private static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>Whether bodies of this kind can be decoded.</summary>
    public static bool IsSupported(string apiVersion, string kind) => ProtoSchema.Root(apiVersion, kind) is not null;

    /// <summary>The object as JSON with apiVersion and kind from the envelope; any malformed input is an error value.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, [NotNullWhen(true)] out JsonObject? obj, [NotNullWhen(false)] out string? error)
    {
        obj = null;
        if (!body.StartsWith(Magic))
        {
            error = "protobuf: the body does not start with the Kubernetes protobuf prefix (k8s\\0)";
            return false;
        }
        if (!TryReadEnvelope(body[Magic.Length..], out string apiVersion, out string kind, out ReadOnlySpan<byte> raw, out string encoding, out string? envelopeError))
        {
            error = envelopeError ?? "protobuf: invalid envelope";
            return false;
        }
        if (encoding.Length != 0)
        {
            error = $"protobuf: content encoding \"{encoding}\" is not supported";
            return false;
        }
        if (kind.Length == 0 || apiVersion.Length == 0)
        {
            error = "protobuf: the envelope does not name the object's apiVersion and kind";
            return false;
        }
        if (ProtoSchema.Root(apiVersion, kind) is not { } message)
        {
            error = $"protobuf: {kind} in {apiVersion} cannot be decoded from protobuf; send it as JSON";
            return false;
        }
        var result = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        if (!ProtoJsonDecoder.TryDecode(raw, message, result, "", out string? decodeError))
        {
            error = decodeError ?? "protobuf: invalid object";
            return false;
        }
        obj = result;
        error = null;
        return true;
    }

    private static bool TryReadEnvelope(ReadOnlySpan<byte> data, out string apiVersion, out string kind, out ReadOnlySpan<byte> raw,
        out string encoding, out string? error)
    {
        apiVersion = kind = encoding = "";
        raw = default;
        var reader = new ProtoReader(data);
        while (!reader.End)
        {
            if (!reader.TryReadTag(out int number, out int wireType))
            {
                return Fail(reader.Error!, out error);
            }
            if (number is >= 1 and <= 3 && wireType != ProtoReader.LengthDelimited)
            {
                return Fail($"wire type {wireType} for envelope field {number}", out error);
            }
            ReadOnlySpan<byte> bytes = default;
            bool ok = number switch
            {
                1 or 2 or 3 => reader.TryReadBytes(out bytes),
                _ => reader.TrySkip(wireType),
            };
            if (!ok)
            {
                return Fail(reader.Error!, out error);
            }
            switch (number)
            {
                case 1:
                    var typeMeta = new JsonObject();
                    if (!ProtoJsonDecoder.TryDecode(bytes, ProtoSchema.TypeMeta, typeMeta, "typeMeta", out error))
                    {
                        return false;
                    }
                    apiVersion = (string?)typeMeta["apiVersion"] ?? "";
                    kind = (string?)typeMeta["kind"] ?? "";
                    break;
                case 2:
                    raw = bytes;
                    break;
                case 3:
                    encoding = System.Text.Encoding.UTF8.GetString(bytes);
                    break;
            }
        }
        error = null;
        return true;
    }

    private static bool Fail(string message, out string? error)
    {
        error = $"protobuf: {message}";
        return false;
    }
}
