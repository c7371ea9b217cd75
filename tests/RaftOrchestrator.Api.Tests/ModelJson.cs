using System.Text.Json;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Tests;

/// <summary>Decoding and encoding checks shared by the kinds' tests.</summary>
internal static class ModelJson
{
    /// <summary>Decodes as the server does with fieldValidation=Strict: an unknown field fails the test.</summary>
    public static T Strict<T>(string json) => JsonSerializer.Deserialize(json, ApiJson.TypeInfo<T>(strict: true))!;

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, ApiJson.TypeInfo<T>());

    /// <summary>
    /// Strict JSON decode, then JSON -> MessagePack -> JSON: the manifest must come back field for field (nothing
    /// dropped, nothing added), and the MessagePack copy must write the same JSON as the decoded one.
    /// </summary>
    public static T AssertRoundTrip<T>(string json) where T : class, IKubernetesObject
    {
        T decoded = Strict<T>(json);
        string first = Write(decoded);
        T back = ApiMessagePack.Deserialize<T>(ApiMessagePack.Serialize(decoded));
        string second = Write(back);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(first)), $"decoded JSON differs from the manifest:\n{first}");
        Assert.Equal(first, second);
        return back;
    }
}
