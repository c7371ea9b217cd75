using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>
/// The pod-template-hash of a Deployment's template, and template equality ignoring that label.
/// </summary>
/// <remarks>
/// Both work on a canonical encoding of the template: its API JSON with object keys sorted and nulls, empty lists
/// and empty objects left out, so that two templates Kubernetes' semantic equality calls equal (nil and empty are the
/// same to it) encode to the same bytes whatever the order their maps were written in. The hash is FNV-1a-32 over
/// those bytes, then over the collision count (as 8 little-endian bytes) when the Deployment has one, rendered as
/// Kubernetes renders it: the decimal digits mapped through SafeEncodeString's alphabet, so names look alike
/// (web-5d4f8b7c9). The hash names a new ReplicaSet only; finding a Deployment's ReplicaSet uses equality, so a
/// hash that changes with the encoding never orphans an existing one.
/// </remarks>
internal static class PodTemplateHash
{
    public const string Label = "pod-template-hash";

    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    public static string Compute(PodTemplateSpec template, int? collisionCount)
    {
        uint hash = Fnv(FnvOffset, Canonical(template));
        if (collisionCount is { } count)
        {
            Span<byte> bytes = stackalloc byte[8];
            bytes.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, unchecked((uint)count));
            hash = Fnv(hash, bytes);
        }
        string digits = hash.ToString(CultureInfo.InvariantCulture);
        return string.Create(digits.Length, digits, static (chars, text) =>
        {
            for (int i = 0; i < text.Length; i++)
            {
                chars[i] = Alphabet[text[i] % Alphabet.Length];
            }
        });
    }

    /// <summary>The canonical encoding without the pod-template-hash label, for <see cref="EqualIgnoringHash(byte[], PodTemplateSpec)"/>.</summary>
    public static byte[] Canonical(PodTemplateSpec template)
    {
        JsonNode? node = JsonSerializer.SerializeToNode(template, ApiJson.TypeInfo<PodTemplateSpec>());
        (node?["metadata"]?["labels"] as JsonObject)?.Remove(Label);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Kubernetes' EqualIgnoreHash: the templates are the same apart from their pod-template-hash labels.</summary>
    public static bool EqualIgnoringHash(byte[] canonical, PodTemplateSpec template) =>
        canonical.AsSpan().SequenceEqual(Canonical(template));

    public static bool EqualIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) => EqualIgnoringHash(Canonical(a), b);

    private static uint Fnv(uint hash, ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }
        return hash;
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, JsonNode?> property in obj.Where(p => !IsEmpty(p.Value)).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Key);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (JsonNode? item in array)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.All(p => IsEmpty(p.Value)),
        JsonArray array => array.Count == 0,
        _ => false,
    };
}
