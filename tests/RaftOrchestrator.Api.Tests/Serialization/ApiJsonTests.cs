using System.Text.Json;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Tests.Serialization;

public sealed class ApiJsonTests
{
    [Fact]
    public void Serialize_ConfigMap_UsesKubernetesNamesAndOmitsAbsentFields()
    {
        var map = new ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = { Name = "c", Namespace = "default", CreationTimestamp = new DateTime(2026, 11, 25, 7, 3, 17, DateTimeKind.Utc) },
            Data = new() { ["k"] = "v" },
        };

        string json = JsonSerializer.Serialize(map, ApiJson.Options);

        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default","creationTimestamp":"2026-11-25T07:03:17Z"},"data":{"k":"v"}}""", json);
    }

    [Fact]
    public void Deserialize_UnknownField_StrictFailsWithPath()
    {
        const string json = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"bogus":1}""";

        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ApiJson.TypeInfo<ConfigMap>(strict: true)));
        ConfigMap? lenient = JsonSerializer.Deserialize(json, ApiJson.TypeInfo<ConfigMap>());

        Assert.Contains("bogus", error.Message, StringComparison.Ordinal);
        Assert.Equal("c", lenient!.Metadata.Name);
    }

    [Fact]
    public void MessagePack_ConfigMap_RoundTripsToTheSameJson()
    {
        const string json = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"a":"b"}},"data":{"k":"v"},"binaryData":{"b":"AAE="}}""";
        ConfigMap map = JsonSerializer.Deserialize(json, ApiJson.TypeInfo<ConfigMap>())!;

        ConfigMap back = ApiMessagePack.Deserialize<ConfigMap>(ApiMessagePack.Serialize(map));

        Assert.Equal(json, JsonSerializer.Serialize(back, ApiJson.Options));
    }
}
