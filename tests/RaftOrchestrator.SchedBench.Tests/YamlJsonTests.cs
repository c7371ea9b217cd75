using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace RaftOrchestrator.SchedBench.Tests;

public sealed class YamlJsonTests
{
    private static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return YamlJson.Convert(stream.Documents[0].RootNode);
    }

    [Fact]
    public void Convert_PlainScalarsAreTypedAndQuotedOnesStayStrings()
    {
        JsonNode? json = Convert("""
            a: 80
            b: "80"
            c: 1.5
            d: true
            e: 'true'
            f: ~
            g: 100m
            """);

        Assert.Equal("""{"a":80,"b":"80","c":1.5,"d":true,"e":"true","f":null,"g":"100m"}""", json!.ToJsonString());
    }

    [Fact]
    public void Convert_ResolvesAliases()
    {
        JsonNode? json = Convert("""
            t: &x { k: [1, two] }
            u: *x
            """);

        Assert.Equal("""{"t":{"k":[1,"two"]},"u":{"k":[1,"two"]}}""", json!.ToJsonString());
    }
}
