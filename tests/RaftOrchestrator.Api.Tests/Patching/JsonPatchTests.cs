using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Patching;

namespace RaftOrchestrator.Api.Tests.Patching;

public sealed class JsonPatchTests
{
    private static PatchResult Apply(string doc, string patch) => JsonPatch.Apply(JsonNode.Parse(doc), JsonNode.Parse(patch));

    private static void AssertJson(string expected, PatchResult result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result.Value), $"expected {expected}, got {result.Value?.ToJsonString()}");
    }

    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/b","value":"x"}]""", """{"a":1,"b":"x"}""")]
    [InlineData("""{"l":["p","r"]}""", """[{"op":"add","path":"/l/1","value":"q"}]""", """{"l":["p","q","r"]}""")]
    [InlineData("""{"l":[1]}""", """[{"op":"add","path":"/l/-","value":2}]""", """{"l":[1,2]}""")]
    [InlineData("""{"l":[1]}""", """[{"op":"add","path":"/l/1","value":2}]""", """{"l":[1,2]}""")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/a","value":[3]}]""", """{"a":[3]}""")]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"","value":{"z":0}}]""", """{"z":0}""")]
    [InlineData("""{"a":{}}""", """[{"op":"add","path":"/a/n","value":null}]""", """{"a":{"n":null}}""")]
    [InlineData("""{"a":1,"b":2}""", """[{"op":"remove","path":"/b"}]""", """{"a":1}""")]
    [InlineData("""{"l":["p","q","r"]}""", """[{"op":"remove","path":"/l/1"}]""", """{"l":["p","r"]}""")]
    [InlineData("""{"a":1,"b":2}""", """[{"op":"replace","path":"/a","value":"one"}]""", """{"a":"one","b":2}""")]
    [InlineData("""{"s":{"x":1},"t":{}}""", """[{"op":"move","from":"/s/x","path":"/t/y"}]""", """{"s":{},"t":{"y":1}}""")]
    [InlineData("""{"l":[1,2,3,4]}""", """[{"op":"move","from":"/l/1","path":"/l/3"}]""", """{"l":[1,3,4,2]}""")]
    [InlineData("""{"s":{"x":[1]}}""", """[{"op":"copy","from":"/s/x","path":"/c"}]""", """{"s":{"x":[1]},"c":[1]}""")]
    [InlineData("""{"a/b":1,"m~n":2}""", """[{"op":"replace","path":"/a~1b","value":3},{"op":"remove","path":"/m~0n"}]""", """{"a/b":3}""")]
    [InlineData("""{"n":{"x":1.0,"y":[1,"2"]}}""", """[{"op":"test","path":"/n","value":{"y":[1,"2"],"x":1}},{"op":"add","path":"/ok","value":true}]""", """{"n":{"x":1.0,"y":[1,"2"]},"ok":true}""")]
    public void Apply_ValidOperations_ProduceTheExpectedDocument(string doc, string patch, string expected) =>
        AssertJson(expected, Apply(doc, patch));

    [Theory]
    [InlineData("""{"a":1}""", """[{"op":"add","path":"/x/y","value":1}]""", "add operation does not apply: doc is missing path: \"/x/y\": missing value")]
    [InlineData("""{"a":1}""", """[{"op":"remove","path":"/b"}]""", "remove operation does not apply: doc is missing path: \"/b\": missing value")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"/spec/x","value":1}]""", "replace operation does not apply: doc is missing path: \"/spec/x\": missing value")]
    [InlineData("""{"l":[1]}""", """[{"op":"add","path":"/l/5","value":1}]""", "add operation does not apply: Unable to access invalid index: 5: invalid index referenced")]
    [InlineData("""{"l":[1]}""", """[{"op":"remove","path":"/l/01"}]""", "remove operation does not apply: doc is missing path: \"/l/01\": missing value")]
    [InlineData("""{"a":"x"}""", """[{"op":"test","path":"/a","value":"y"}]""", "test operation does not apply: testing value \"/a\" failed: test operation failed")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a/b/c"}]""", "move operation does not apply: a value cannot be moved into one of its children: from \"/a\" to \"/a/b/c\"")]
    [InlineData("""{"a":1}""", """[{"op":"copy","from":"/nope","path":"/b"}]""", "copy operation does not apply: doc is missing from path: \"/nope\": missing value")]
    public void Apply_OperationThatDoesNotApply_FailsInvalidWithKubernetesWording(string doc, string patch, string message)
    {
        PatchResult result = Apply(doc, patch);

        Assert.False(result.Succeeded);
        Assert.Equal(PatchErrorKind.Invalid, result.Error.Kind);
        Assert.Equal(message, result.Error.Message);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"/a","value":1}""")]
    [InlineData("""[{"op":"frobnicate","path":"/a"}]""")]
    [InlineData("""[{"op":"add","value":1}]""")]
    [InlineData("""[{"op":"add","path":"/a"}]""")]
    [InlineData("""[{"op":"move","path":"/a"}]""")]
    public void Apply_MalformedPatch_FailsBadRequest(string patch)
    {
        PatchResult result = Apply("""{"a":1}""", patch);

        Assert.False(result.Succeeded);
        Assert.Equal(PatchErrorKind.BadRequest, result.Error.Kind);
    }

    [Fact]
    public void Apply_LaterOperationFails_InputIsUnchanged()
    {
        var doc = JsonNode.Parse("""{"a":1}""");

        PatchResult result = JsonPatch.Apply(doc, JsonNode.Parse("""[{"op":"add","path":"/b","value":2},{"op":"remove","path":"/zzz"}]"""));

        Assert.False(result.Succeeded);
        Assert.Equal("""{"a":1}""", doc!.ToJsonString());
    }

    private static readonly Gen<string> s_name = Gen.Elements("a", "b", "c", "d/e", "f~g", "h");

    private static readonly Gen<JsonNode?> s_leaf = Gen.OneOf(
        Gen.Choose(-5, 5).Select(i => (JsonNode?)JsonValue.Create(i)),
        s_name.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Constant<JsonNode?>(null));

    private static readonly Gen<(JsonObject Doc, string Name, JsonNode? Value)> s_addCase =
        from names in Gen.ListOf(s_name)
        from values in Gen.ListOf(s_leaf)
        from name in s_name
        from value in s_leaf
        select (Build(names, values), name, value);

    private static JsonObject Build(IEnumerable<string> names, IEnumerable<JsonNode?> values)
    {
        var doc = new JsonObject();
        foreach ((string n, JsonNode? v) in names.Zip(values))
        {
            doc[n] = v?.DeepClone();
        }
        return doc;
    }

    [Property(MaxTest = 300)]
    public Property AddThenRemove_NewMember_RestoresTheDocument() =>
        Prop.ForAll(s_addCase.ToArbitrary(), c =>
        {
            c.Doc.Remove(c.Name);
            string pointer = "/" + JsonPointer.Escape(c.Name);
            var patch = new JsonArray(
                new JsonObject { ["op"] = "add", ["path"] = pointer, ["value"] = c.Value?.DeepClone() },
                new JsonObject { ["op"] = "remove", ["path"] = pointer });

            PatchResult result = JsonPatch.Apply(c.Doc, patch);

            return result.Succeeded && JsonNode.DeepEquals(c.Doc, result.Value);
        });

    [Property(MaxTest = 300)]
    public Property AddThenRemove_ArrayInsert_RestoresTheDocument() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 9)).ToArbitrary(), Gen.Choose(0, 20).ToArbitrary(), (items, at) =>
        {
            var doc = new JsonObject { ["l"] = new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()) };
            int index = Math.Min(at, items.Count);
            var patch = JsonNode.Parse($$"""[{"op":"add","path":"/l/{{index}}","value":"new"},{"op":"remove","path":"/l/{{index}}"}]""");

            PatchResult result = JsonPatch.Apply(doc, patch);

            return result.Succeeded && JsonNode.DeepEquals(doc, result.Value);
        });
}
