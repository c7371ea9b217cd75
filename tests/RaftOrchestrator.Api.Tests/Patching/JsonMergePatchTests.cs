using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Tests.Patching;

public sealed class JsonMergePatchTests
{
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Apply_RfcAppendixCases_ProduceTheExpectedDocument(string target, string patch, string expected)
    {
        PatchResult result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(result.Succeeded);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result.Value), result.Value?.ToJsonString());
    }

    [Fact]
    public void Apply_ChangedMember_KeepsMemberOrderAndLeavesInputsAlone()
    {
        var target = JsonNode.Parse("""{"x":1,"y":{"z":1},"w":2}""");
        var patch = JsonNode.Parse("""{"y":{"z":2},"x":3}""");

        PatchResult result = JsonMergePatch.Apply(target, patch);

        Assert.Equal("""{"x":3,"y":{"z":2},"w":2}""", result.Value!.ToJsonString());
        Assert.Equal("""{"x":1,"y":{"z":1},"w":2}""", target!.ToJsonString());
    }

    private static Gen<JsonNode?> Scalar(bool nulls) => Gen.OneOf(
        Gen.Choose(-3, 3).Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Elements("p", "q").Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Constant<JsonNode?>(nulls ? null : JsonValue.Create(true)));

    private static Gen<JsonNode?> Node(int depth, bool nulls = true) =>
        depth == 0
            ? Scalar(nulls)
            : Gen.OneOf(
                Scalar(nulls),
                Gen.ListOf(Node(depth - 1, nulls)).Select(l => (JsonNode?)new JsonArray(l.Take(3).Select(n => n?.DeepClone()).ToArray())),
                Gen.ListOf(Gen.Zip(Gen.Elements("a", "b", "c", "d"), Node(depth - 1, nulls)))
                    .Select(l => (JsonNode?)Object(l.Take(4))));

    private static JsonObject Object(IEnumerable<(string, JsonNode?)> members)
    {
        var obj = new JsonObject();
        foreach ((string name, JsonNode? value) in members)
        {
            obj[name] = value?.DeepClone();
        }
        return obj;
    }

    private static readonly Arbitrary<JsonNode?> s_doc = Node(3).ToArbitrary();
    private static readonly Arbitrary<JsonNode?> s_object = Objects(nulls: true);
    private static readonly Arbitrary<JsonNode?> s_nullFreeObject = Objects(nulls: false);

    private static Arbitrary<JsonNode?> Objects(bool nulls) => Gen.ListOf(Gen.Zip(Gen.Elements("a", "b", "c"), Node(2, nulls)))
        .Select(l => (JsonNode?)Object(l.Take(4))).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Apply_EmptyPatchOnAnObject_IsIdentity() =>
        Prop.ForAll(s_object, doc => JsonNode.DeepEquals(doc, JsonMergePatch.Apply(doc, new JsonObject()).Value));

    [Property(MaxTest = 300)]
    public Property Apply_SamePatchTwice_IsIdempotent() =>
        Prop.ForAll(s_doc, s_doc, (doc, patch) =>
        {
            JsonNode? once = JsonMergePatch.Apply(doc, patch).Value;
            JsonNode? twice = JsonMergePatch.Apply(once, patch).Value;
            return JsonNode.DeepEquals(once, twice);
        });

    [Property(MaxTest = 300)]
    public Property Apply_ResultAsItsOwnPatch_IsANoOp() =>
        Prop.ForAll(s_nullFreeObject, s_nullFreeObject, (doc, patch) =>
        {
            JsonNode? result = JsonMergePatch.Apply(doc, patch).Value;
            return JsonNode.DeepEquals(result, JsonMergePatch.Apply(result, result).Value);
        });
}
