using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Tests.Serialization;

public sealed class YamlToJsonTests
{
    private static readonly Gen<string> s_text =
        Gen.ArrayOf(Gen.Elements('a', 'Z', '1', ' ', '"', '\\', '\n', '\t', ':', '#', 'é', '€', '-', '{', '[')).Select(c => new string(c));

    private static readonly Gen<JsonNode?> s_leaf = Gen.OneOf(
        s_text.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Choose(-100_000, 100_000).Select(i => (JsonNode?)JsonValue.Create((long)i * 31)),
        Gen.Choose(-1000, 1000).Select(i => (JsonNode?)JsonValue.Create(i / 8.0 + 0.125)),
        Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Constant<JsonNode?>(null));

    [Fact]
    public void TryConvert_Manifest_IsItsJson()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: c   # a comment
              labels: {app: web, "tier": 'db'}
            data:
              a: "1"
              script: |
                echo hi
              list: [a, b]
            """;

        Assert.True(YamlToJson.TryConvert(yaml, out JsonNode? node, out YamlConversionError? error), error?.ToString());

        Assert.Equal("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","labels":{"app":"web","tier":"db"}},"data":{"a":"1","script":"echo hi\n","list":["a","b"]}}""", node!.ToJsonString());
    }

    [Theory]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("yes", "true")]
    [InlineData("y", "true")]
    [InlineData("N", "false")]
    [InlineData("off", "false")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("", "null")]
    [InlineData("12", "12")]
    [InlineData("+5", "5")]
    [InlineData("-7", "-7")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("017", "15")]
    [InlineData("08", "8")]
    [InlineData("1_000", "1000")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("1.5", "1.5")]
    [InlineData("1e3", "1000")]
    [InlineData("-.5", "-0.5")]
    [InlineData("'12'", "\"12\"")]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("!!str 12", "\"12\"")]
    [InlineData("!!int 12", "12")]
    [InlineData("abc", "\"abc\"")]
    [InlineData("12abc", "\"12abc\"")]
    [InlineData("1.2.3", "\"1.2.3\"")]
    [InlineData("2001-12-14", "\"2001-12-14\"")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("|\n  x\n", "\"x\\n\"")]
    public void TryConvert_Scalar_ResolvesAsGoYaml(string yaml, string json)
    {
        Assert.True(YamlToJson.TryConvert("v: " + yaml, out JsonNode? node, out YamlConversionError? error), error?.ToString());

        Assert.Equal(json, node!["v"]?.ToJsonString() ?? "null");
    }

    [Fact]
    public void TryConvert_NonStringKeys_BecomeTheirStringForm()
    {
        Assert.True(YamlToJson.TryConvert("1: a\non: b\n1.5: c\n0x10: d", out JsonNode? node, out _));

        Assert.Equal("""{"1":"a","true":"b","1.5":"c","16":"d"}""", node!.ToJsonString());
    }

    [Fact]
    public void TryConvert_AnchorsAliasesAndMerge_AreExpanded()
    {
        const string yaml = """
            base: &b {p: 1, q: 2}
            copy: *b
            merged:
              <<: *b
              q: 3
            list: [&s hello, *s]
            """;

        Assert.True(YamlToJson.TryConvert(yaml, out JsonNode? node, out YamlConversionError? error), error?.ToString());

        Assert.Equal("""{"base":{"p":1,"q":2},"copy":{"p":1,"q":2},"merged":{"p":1,"q":3},"list":["hello","hello"]}""", node!.ToJsonString());
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("# only a comment\n", true)]
    [InlineData("---\n", true)]
    public void TryConvert_EmptyDocument_IsNull(string yaml, bool expected)
    {
        Assert.Equal(expected, YamlToJson.TryConvert(yaml, out JsonNode? node, out _));

        Assert.Null(node);
    }

    [Theory]
    [InlineData("a: 1\n---\nb: 2\n", 2, "more than one YAML document")]
    [InlineData("a: b: c\n", 1, "")]
    [InlineData("a: 1\nb: *nope\n", 2, "unknown anchor 'nope'")]
    [InlineData("a:\n  ~: x\n", 2, "unsupported map key: null")]
    [InlineData("a:\n  [x]: y\n", 2, "unsupported map key")]
    [InlineData("a: .inf\n", 1, "unsupported value")]
    [InlineData("a:\n  <<: 5\n", 2, "map merge requires")]
    [InlineData("a: [1, 2\n", 2, "")]
    public void TryConvert_InvalidDocument_FailsWithPosition(string yaml, int line, string message)
    {
        Assert.False(YamlToJson.TryConvert(yaml, out _, out YamlConversionError? error));

        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"yaml: line {line}, column ", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(YamlToJson.MaxDepth, true)]
    [InlineData(YamlToJson.MaxDepth + 1, false)]
    public void TryConvert_Nesting_IsBounded(int depth, bool expected)
    {
        string yaml = new string('[', depth) + new string(']', depth);

        Assert.Equal(expected, YamlToJson.TryConvert(yaml, out _, out _));
    }

    [Fact]
    public void TryConvert_DeepAlias_CountsTheAliasedDepth()
    {
        var sb = new StringBuilder("a: &a ").Append('[', 40).Append(']', 40).Append("\nb: ").Append('[', 30).Append("*a").Append(']', 30);

        Assert.False(YamlToJson.TryConvert(sb.ToString(), out _, out YamlConversionError? error));

        Assert.Contains("max depth", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryConvert_ExponentialAliases_FailsInsteadOfExpanding()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++)
        {
            string prev = $"*a{i - 1}";
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat(prev, 10))}]\n");
        }

        Assert.False(YamlToJson.TryConvert(sb.ToString(), out _, out YamlConversionError? error));

        Assert.Contains("excessive aliasing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryConvert_Utf8Bytes_SkipsTheBomAndRefusesInvalidBytes()
    {
        byte[] good = [0xEF, 0xBB, 0xBF, .. "k: é"u8];
        byte[] bad = [.. "k: "u8, 0xC3, 0x28];

        Assert.True(YamlToJson.TryConvert(good, out JsonNode? node, out _));
        Assert.False(YamlToJson.TryConvert(bad, out _, out YamlConversionError? error));

        Assert.Equal("é", node!["k"]!.GetValue<string>());
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property TryConvert_AnyJson_IsTheSameJson() =>
        Prop.ForAll(Gen.ListOf(Gen.Zip(s_text, s_leaf)).ToArbitrary(), pairs =>
        {
            var obj = new JsonObject();
            foreach ((string key, JsonNode? value) in pairs)
            {
                obj[key] = value;
            }
            var doc = new JsonObject { ["items"] = new JsonArray(obj.Select(p => p.Value?.DeepClone()).ToArray()), ["map"] = obj };
            string json = doc.ToJsonString();

            bool ok = YamlToJson.TryConvert(json, out JsonNode? back, out YamlConversionError? error);

            return (ok && JsonNode.DeepEquals(doc, back)).Label($"{json} -> {error}");
        });

    [Property(MaxTest = 1000)]
    public Property TryConvert_AnyText_NeverThrows() =>
        Prop.ForAll(s_text.ToArbitrary(), text =>
        {
            bool ok = YamlToJson.TryConvert(text, out _, out YamlConversionError? error);
            return ok || error is not null;
        });
}
