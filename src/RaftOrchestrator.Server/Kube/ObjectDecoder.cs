using System.Text.Json;
using System.Text.Json.Nodes;
using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// Turns a request body into a typed object. JSON and YAML are read as JSON (YAML is converted first), Kubernetes
/// protobuf is converted to JSON, MessagePack is read directly. Unknown fields follow <see cref="FieldValidation"/>.
/// Every malformed body is a 400 Status, never an exception.
/// </summary>
public sealed class ObjectDecoder<T>(ResourceDescriptor<T> descriptor) where T : class, IKubernetesObject, new()
{
    /// <summary>A decoded object, or the Status to answer; <c>Warning</c> is set when Warn mode dropped an unknown field.</summary>
    public readonly record struct Decoded(T? Value, Status? Error, string? Warning);

    public Decoded Decode(ReadOnlyMemory<byte> body, string? contentType, FieldValidation validation)
    {
        string essence = MediaTypes.Essence(contentType);
        if (body.IsEmpty)
        {
            return Fail("the request body is empty");
        }
        switch (essence)
        {
            case MediaTypes.MessagePack:
                return DecodeMessagePack(body);
            case "" or MediaTypes.Json or "text/json":
                return DecodeJson(body, validation);
            case MediaTypes.Yaml or "application/x-yaml" or "text/yaml":
                return BodyFormats.YamlToJson(body.Span, out JsonNode? yaml, out string? yamlError)
                    ? DecodeNode(yaml, validation)
                    : Fail(yamlError!);
            case MediaTypes.Protobuf:
                return BodyFormats.ProtobufToJson(body.Span, out JsonNode? proto, out string? protoError)
                    ? DecodeNode(proto, validation)
                    : new Decoded(null, ApiStatus.UnsupportedMediaType(protoError!), null);
            default:
                return new Decoded(null, ApiStatus.UnsupportedMediaType(contentType ?? ""), null);
        }
    }

    public Decoded DecodeNode(JsonNode? node, FieldValidation validation)
    {
        if (node is not JsonObject)
        {
            return Fail("the body must be a JSON object");
        }
        return DecodeJson(JsonSerializer.SerializeToUtf8Bytes(node, ApiJson.Options.GetTypeInfo(typeof(JsonNode))), validation);
    }

    public Decoded DecodeJson(ReadOnlyMemory<byte> json, FieldValidation validation)
    {
        try
        {
            T? value = JsonSerializer.Deserialize(json.Span, ApiJson.TypeInfo<T>(strict: validation != FieldValidation.Ignore));
            return value is null ? Fail("the body must be a JSON object") : Checked(value, null);
        }
        catch (JsonException e) when (IsUnknownField(e, out string field))
        {
            if (validation == FieldValidation.Strict)
            {
                return Fail($"strict decoding error: unknown field \"{field}\"");
            }
            return DecodeJson(json, FieldValidation.Ignore) is { Error: null } lenient
                ? lenient with { Warning = $"unknown field \"{field}\"" }
                : Fail($"strict decoding error: unknown field \"{field}\"");
        }
        catch (JsonException e)
        {
            return Fail(e.Message);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException)
        {
            return Fail(e.Message);
        }
    }

    private Decoded DecodeMessagePack(ReadOnlyMemory<byte> body)
    {
        try
        {
            return Checked(ApiMessagePack.Deserialize<T>(body), null);
        }
        catch (MessagePackSerializationException e)
        {
            return Fail(e.InnerException?.Message ?? e.Message);
        }
    }

    /// <summary>The body's apiVersion and kind, when given, must be this endpoint's.</summary>
    private Decoded Checked(T value, string? warning)
    {
        value.Metadata ??= new ObjectMeta();
        if (value.Kind is { Length: > 0 } kind && kind != descriptor.Kind)
        {
            return new Decoded(null, ApiStatus.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({descriptor.Kind})"), null);
        }
        if (value.ApiVersion is { Length: > 0 } version && version != descriptor.ApiVersion)
        {
            return new Decoded(null, ApiStatus.BadRequest($"the API version in the data ({version}) does not match the expected API version ({descriptor.ApiVersion})"), null);
        }
        return new Decoded(value, null, warning);
    }

    private Decoded Fail(string detail) =>
        new(null, ApiStatus.BadRequest($"{descriptor.Kind} in version \"{descriptor.Version}\" cannot be handled as a {descriptor.Kind}: {detail}"), null);

    /// <summary>System.Text.Json's unmapped-member failure: the path names the object, the message the property.</summary>
    private static bool IsUnknownField(JsonException e, out string field)
    {
        field = "";
        const string Marker = "The JSON property '";
        int start = e.Message.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0 || !e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return false;
        }
        start += Marker.Length;
        int end = e.Message.IndexOf('\'', start);
        string name = end > start ? e.Message[start..end] : "";
        string path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        if (path.EndsWith(name, StringComparison.Ordinal))
        {
            path = path[..^name.Length].TrimEnd('.');
        }
        field = path.Length == 0 ? name : $"{path}.{name}";
        return true;
    }
}
