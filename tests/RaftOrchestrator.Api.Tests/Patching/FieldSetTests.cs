using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Patching;
using RaftOrchestrator.Api.Tests.Patching.TestModels;

namespace RaftOrchestrator.Api.Tests.Patching;

public sealed class FieldSetTests
{
    [Fact]
    public void FromObject_Pod_BuildsKubernetesFieldsV1()
    {
        var pod = JsonNode.Parse("""
            {"metadata":{"labels":{"app":"web"},"finalizers":["a"]},
             "spec":{"containers":[{"name":"c","image":"i","args":["x"],"ports":[{"containerPort":80}]}],"nodeSelector":{}}}
            """);

        FieldSet set = FieldSet.FromObject(pod, PatchSchema.For<TestPod>());

        const string expected = """{"f:metadata":{"f:finalizers":{"v:\"a\"":{}},"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"c\"}":{".":{},"f:args":{},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80}":{".":{},"f:containerPort":{}}}}},"f:nodeSelector":{}}}""";
        Assert.Equal(expected, set.ToFieldsV1().GetRawText());
    }

    [Fact]
    public void TryParse_FieldsV1_RoundTripsAndReadsDotAsMember()
    {
        using JsonDocument doc = JsonDocument.Parse("""{"f:spec":{".":{},"f:replicas":{},"f:x":{"i:0":{}}}}""");

        Assert.True(FieldSet.TryParse(doc.RootElement, out FieldSet set));

        Assert.True(set.Contains(["f:spec"]));
        Assert.True(set.Contains(["f:spec", "f:replicas"]));
        Assert.True(set.Contains(["f:spec", "f:x", "i:0"]));
        Assert.False(set.Contains(["f:spec", "f:x"]));
        Assert.Equal(doc.RootElement.GetRawText(), set.ToFieldsV1().GetRawText());
    }

    [Fact]
    public void TryParse_NotATreeOfObjects_Fails()
    {
        using JsonDocument doc = JsonDocument.Parse("""{"f:spec":{"f:replicas":1}}""");

        Assert.False(FieldSet.TryParse(doc.RootElement, out FieldSet set));
        Assert.True(set.IsEmpty);
    }

    [Fact]
    public void Format_Paths_PrintAsKubernetes()
    {
        Assert.Equal(".spec.replicas", FieldPath.Format(["f:spec", "f:replicas"]));
        Assert.Equal(".spec.containers[name=\"app\"].image", FieldPath.Format(["f:spec", "f:containers", "k:{\"name\":\"app\"}", "f:image"]));
        Assert.Equal(".metadata.finalizers[=\"x\"]", FieldPath.Format(["f:metadata", "f:finalizers", "v:\"x\""]));
        Assert.Equal(".args[2]", FieldPath.Format(["f:args", "i:2"]));
    }

    [Fact]
    public void TryFind_KeyedItemAndSetValue_FindsThem()
    {
        var pod = JsonNode.Parse("""{"spec":{"containers":[{"name":"a","image":"x"},{"name":"b","image":"y"}]},"f":["p","q"]}""");

        Assert.True(FieldPath.TryFind(pod, ["f:spec", "f:containers", "k:{\"name\":\"b\"}", "f:image"], out JsonNode? image));
        Assert.True(FieldPath.TryFind(pod, ["f:f", "v:\"q\""], out JsonNode? value));
        Assert.False(FieldPath.TryFind(pod, ["f:spec", "f:containers", "k:{\"name\":\"c\"}"], out _));
        Assert.Equal("y", (string?)image);
        Assert.Equal("q", (string?)value);
    }

    private static readonly Gen<string[]> s_path = Gen.ListOf(Gen.Elements("f:a", "f:b", "k:{\"name\":\"x\"}", "v:1", "i:0"))
        .Where(l => l.Count is > 0 and < 5).Select(l => l.ToArray());

    private static readonly Arbitrary<FieldSet> s_set = Gen.ListOf(s_path).Select(paths =>
    {
        var set = new FieldSet();
        foreach (string[] path in paths.Take(8))
        {
            set.Add(path);
        }
        return set;
    }).ToArbitrary();

    private static string[] Flat(FieldSet set) => [.. set.Members().Select(p => string.Join('|', p))];

    [Property(MaxTest = 300)]
    public Property ToFieldsV1ThenTryParse_AnySet_HasTheSameMembers() =>
        Prop.ForAll(s_set, set => FieldSet.TryParse(set.ToFieldsV1(), out FieldSet back) && Flat(back).SequenceEqual(Flat(set)));

    [Property(MaxTest = 300)]
    public Property ExceptUnionIntersect_AnySets_PartitionTheFirst() =>
        Prop.ForAll(s_set, s_set, (a, b) =>
            Flat(a.Except(b).Union(a.Intersect(b))).SequenceEqual(Flat(a))
            && !a.Except(b).Members().Any(b.Contains)
            && a.Intersect(b).Members().All(p => a.Contains(p) && b.Contains(p)));
}
