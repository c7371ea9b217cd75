using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Patching;
using RaftOrchestrator.Api.Tests.Patching.TestModels;

namespace RaftOrchestrator.Api.Tests.Patching;

public sealed class StrategicMergePatchTests
{
    private const string Pod = """
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"p","labels":{"app":"web","tier":"front"},"finalizers":["f1"]},
         "spec":{"containers":[
            {"name":"a","image":"a:1","args":["x","y"],"env":[{"name":"X","value":"1"}],
             "ports":[{"containerPort":80,"name":"http"}],"volumeMounts":[{"name":"v","mountPath":"/data"}]},
            {"name":"b","image":"b:1"}],
           "volumes":[{"name":"v","hostPath":{"path":"/srv"}}]}}
        """;

    private static JsonNode? Patch(string original, string patch, PatchSchema? schema = null)
    {
        PatchResult result = StrategicMergePatch.Apply(JsonNode.Parse(original), JsonNode.Parse(patch), schema ?? PatchSchema.For<TestPod>());
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\n     got {actual?.ToJsonString()}");

    [Fact]
    public void Apply_ContainerByName_MergesTheMatchingContainerOnly()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"containers":[{"name":"b","image":"b:2"}]}}""");

        Assert.Equal("b:2", (string?)result!["spec"]!["containers"]![1]!["image"]);
        Assert.Equal("a:1", (string?)result["spec"]!["containers"]![0]!["image"]);
        Assert.Equal(2, result["spec"]!["containers"]!.AsArray().Count);
    }

    [Fact]
    public void Apply_NewContainer_IsAppended()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"containers":[{"name":"c","image":"c:1","args":null}]}}""");

        AssertJson("""{"name":"c","image":"c:1"}""", result!["spec"]!["containers"]![2]);
    }

    [Fact]
    public void Apply_EnvByName_MergesAndAppends()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"containers":[{"name":"a","env":[{"name":"X","value":"9"},{"name":"Y","value":"2"}]}]}}""");

        AssertJson("""[{"name":"X","value":"9"},{"name":"Y","value":"2"}]""", result!["spec"]!["containers"]![0]!["env"]);
    }

    [Fact]
    public void Apply_PortsByContainerPort_MergesByNumberKey()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":443}]}]}}""");

        AssertJson("""[{"containerPort":80,"name":"http","protocol":"TCP"},{"containerPort":443}]""", result!["spec"]!["containers"]![0]!["ports"]);
    }

    [Fact]
    public void Apply_VolumeMountsByMountPath_MergesByPath()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"containers":[{"name":"a","volumeMounts":[{"mountPath":"/data","readOnly":true}]}]}}""");

        AssertJson("""[{"name":"v","mountPath":"/data","readOnly":true}]""", result!["spec"]!["containers"]![0]!["volumeMounts"]);
    }

    [Fact]
    public void Apply_DeleteDirectiveItem_RemovesThatContainer()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"containers":[{"$patch":"delete","name":"a"}]}}""");

        AssertJson("""[{"name":"b","image":"b:1"}]""", result!["spec"]!["containers"]);
    }

    [Fact]
    public void Apply_ReplaceDirectiveInList_ReplacesTheWholeList()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"containers":[{"name":"z","image":"z:1"},{"$patch":"replace"}]}}""");

        AssertJson("""[{"name":"z","image":"z:1"}]""", result!["spec"]!["containers"]);
    }

    [Fact]
    public void Apply_ReplaceDirectiveOnMap_ReplacesTheMap()
    {
        JsonNode? result = Patch(Pod, """{"metadata":{"labels":{"$patch":"replace","only":"this"}}}""");

        AssertJson("""{"only":"this"}""", result!["metadata"]!["labels"]);
    }

    [Fact]
    public void Apply_DeleteDirectiveOnMap_RemovesTheMap()
    {
        JsonNode? result = Patch(Pod, """{"metadata":{"labels":{"$patch":"delete"}}}""");

        Assert.False(result!["metadata"]!.AsObject().ContainsKey("labels"));
    }

    [Fact]
    public void Apply_ListWithoutMergeKey_IsReplacedWhole()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"containers":[{"name":"a","args":["z"]}]}}""");

        AssertJson("""["z"]""", result!["spec"]!["containers"]![0]!["args"]);
    }

    [Fact]
    public void Apply_Null_DeletesTheField()
    {
        JsonNode? result = Patch(Pod, """{"metadata":{"labels":{"tier":null}},"spec":{"containers":[{"name":"a","env":null}]}}""");

        AssertJson("""{"app":"web"}""", result!["metadata"]!["labels"]);
        Assert.False(result["spec"]!["containers"]![0]!.AsObject().ContainsKey("env"));
    }

    [Fact]
    public void Apply_Finalizers_MergeAsASet()
    {
        JsonNode? result = Patch(Pod, """{"metadata":{"finalizers":["f2","f1"]}}""");

        AssertJson("""["f1","f2"]""", result!["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Apply_DeleteFromPrimitiveList_RemovesTheValues()
    {
        JsonNode? result = Patch(Pod, """{"metadata":{"$deleteFromPrimitiveList/finalizers":["f1"],"finalizers":["f3"]}}""");

        AssertJson("""["f3"]""", result!["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Apply_SetElementOrder_ReordersTheMergedList()
    {
        JsonNode? result = Patch(Pod, """
            {"spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"b"},{"name":"a"}],
                     "containers":[{"name":"c","image":"c:1"}]}}
            """);

        string?[] names = [.. result!["spec"]!["containers"]!.AsArray().Select(c => (string?)c!["name"])];
        Assert.Equal(["c", "b", "a"], names);
    }

    [Fact]
    public void Apply_SetElementOrderOnPrimitiveList_Reorders()
    {
        JsonNode? result = Patch("""{"metadata":{"finalizers":["a","b","c"]}}""", """{"metadata":{"$setElementOrder/finalizers":["c","a"]}}""");

        AssertJson("""["c","a","b"]""", result!["metadata"]!["finalizers"]);
    }

    [Fact]
    public void Apply_RetainKeys_ClearsUnlistedKeysOfTheStrategy()
    {
        const string deployment = """{"spec":{"replicas":2,"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}}""";

        JsonNode? result = Patch(deployment, """{"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}}""", PatchSchema.For<TestDeployment>());

        AssertJson("""{"replicas":2,"strategy":{"type":"Recreate"}}""", result!["spec"]);
    }

    [Fact]
    public void Apply_RetainKeysOnVolume_SwitchesTheSource()
    {
        JsonNode? result = Patch(Pod, """{"spec":{"volumes":[{"name":"v","$retainKeys":["name","emptyDir"],"emptyDir":{}}]}}""");

        AssertJson("""[{"name":"v","emptyDir":{}}]""", result!["spec"]!["volumes"]);
    }

    [Fact]
    public void Apply_ServicePortsByPort_Merge()
    {
        const string service = """{"spec":{"ports":[{"port":80,"targetPort":8080},{"port":443}],"selector":{"app":"web"}}}""";

        JsonNode? result = Patch(service, """{"spec":{"ports":[{"port":443,"targetPort":"https"}],"selector":{"tier":"f"}}}""", PatchSchema.For<TestService>());

        AssertJson("""{"ports":[{"port":80,"targetPort":8080},{"port":443,"targetPort":"https"}],"selector":{"app":"web","tier":"f"}}""", result!["spec"]);
    }

    [Fact]
    public void Apply_UnknownFields_MergeAsPlainJson()
    {
        JsonNode? result = Patch("""{"spec":{"extra":{"a":[1],"b":{"c":1,"d":2}}}}""", """{"spec":{"extra":{"a":[2],"b":{"c":null,"e":3}}},"other":true}""");

        AssertJson("""{"spec":{"extra":{"a":[2],"b":{"d":2,"e":3}}},"other":true}""", result);
    }

    [Fact]
    public void Apply_WorkedExampleOfTheDocComment_GivesTheDocumentedResult()
    {
        JsonNode? result = Patch(Pod, """
            {"metadata":{"finalizers":["f2"]},
             "spec":{"$setElementOrder/containers":[{"name":"c"},{"name":"b"}],
                     "containers":[{"name":"a","$patch":"delete"},
                                   {"name":"b","env":[{"name":"Y","value":"2"}]},
                                   {"name":"c","image":"c:1"}]}}
            """);

        AssertJson("""["f1","f2"]""", result!["metadata"]!["finalizers"]);
        AssertJson("""[{"name":"c","image":"c:1"},{"name":"b","image":"b:1","env":[{"name":"Y","value":"2"}]}]""", result["spec"]!["containers"]);
    }

    [Theory]
    [InlineData("""{"spec":{"containers":[{"image":"nameless"}]}}""", "does not contain declared merge key: name")]
    [InlineData("""{"metadata":{"labels":{"$patch":"explode"}}}""", "unknown patch type")]
    [InlineData("""{"spec":{"$retainKeys":"containers"}}""", "invalid type for $retainKeys")]
    [InlineData("""{"spec":{"$bogus":1}}""", "unknown patch directive: $bogus")]
    public void Apply_BadDirectives_FailInvalid(string patch, string message)
    {
        PatchResult result = StrategicMergePatch.Apply(JsonNode.Parse(Pod), JsonNode.Parse(patch), PatchSchema.For<TestPod>());

        Assert.False(result.Succeeded);
        Assert.Equal(PatchErrorKind.Invalid, result.Error.Kind);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Patch_LeavesTheOriginalUnchanged()
    {
        var original = JsonNode.Parse(Pod);
        string before = original!.ToJsonString();

        StrategicMergePatch.Apply(original, JsonNode.Parse("""{"spec":{"containers":[{"name":"a","image":"q"}]}}"""), PatchSchema.For<TestPod>());

        Assert.Equal(before, original.ToJsonString());
    }
}
