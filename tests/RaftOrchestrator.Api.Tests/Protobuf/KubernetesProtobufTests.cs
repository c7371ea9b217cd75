using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Protobuf;

namespace RaftOrchestrator.Api.Tests.Protobuf;

public sealed class KubernetesProtobufTests
{
    // ObjectMeta as gogo writes a new object's: every non-pointer field, zero or not, and an empty creationTimestamp.
    private static ProtoBuilder Meta(ProtoBuilder m, string name, params (string Key, string Value)[] labels)
    {
        m.String(1, name).String(2, "").String(3, "").String(4, "").String(5, "").String(6, "").Varint(7, 0).Bytes(8, []);
        foreach ((string key, string value) in labels)
        {
            m.MapEntry(11, key, value);
        }
        return m;
    }

    [Fact]
    public void TryDecode_Namespace_IsItsJson()
    {
        byte[] raw = new ProtoBuilder()
            .Message(1, m => Meta(m, "team-a"))
            .Message(2, s => s)
            .Message(3, s => s.String(1, ""))
            .ToArray();

        JsonObject obj = Decode(ProtoBuilder.Envelope("v1", "Namespace", raw));

        AssertJson("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team-a","creationTimestamp":null},"spec":{},"status":{}}""", obj);
    }

    [Fact]
    public void TryDecode_ConfigMap_KeepsDataAndBinaryData()
    {
        byte[] raw = new ProtoBuilder()
            .Message(1, m => Meta(m, "c").String(3, "default"))
            .MapEntry(2, "k", "v")
            .MapEntry(2, "empty", "")
            .Message(3, e => e.String(1, "b").Bytes(2, [0, 1]))
            .ToArray();

        JsonObject obj = Decode(ProtoBuilder.Envelope("v1", "ConfigMap", raw));

        AssertJson("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"default","creationTimestamp":null},"data":{"k":"v","empty":""},"binaryData":{"b":"AAE="}}""", obj);
    }

    [Fact]
    public void TryDecode_CreateDeployment_IsWhatKubectlSendsAsJson()
    {
        // kubectl create deployment web --image=nginx --replicas=2
        static ProtoBuilder Labels(ProtoBuilder m) => Meta(m, "", ("app", "web"));
        byte[] raw = new ProtoBuilder()
            .Message(1, m => Meta(m, "web", ("app", "web")))
            .Message(2, spec => spec
                .Varint(1, 2)
                .Message(2, sel => sel.MapEntry(1, "app", "web"))
                .Message(3, template => template
                    .Message(1, Labels)
                    .Message(2, pod => pod
                        .Message(2, c => c.String(1, "nginx").String(2, "nginx").String(5, "").Message(8, r => r)
                            .String(13, "").String(14, "").Varint(16, 0).Varint(17, 0).Varint(18, 0).String(20, ""))
                        .String(3, "").String(6, "").String(8, "").Varint(11, 0)))
                .Message(4, strategy => strategy.String(1, ""))
                .Varint(5, 0)
                .Varint(7, 0))
            .Message(3, status => status.Varint(1, 0).Varint(2, 0).Varint(3, 0))
            .ToArray();

        JsonObject obj = Decode(ProtoBuilder.Envelope("apps/v1", "Deployment", raw));

        AssertJson("""
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","creationTimestamp":null,"labels":{"app":"web"}},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"nginx","image":"nginx","resources":{}}]}},
               "strategy":{}},
             "status":{}}
            """, obj);
    }

    [Fact]
    public void TryDecode_SelfSubjectAccessReview_KeepsAllowedFalse()
    {
        // kubectl auth can-i list pods
        byte[] raw = new ProtoBuilder()
            .Message(1, m => Meta(m, ""))
            .Message(2, spec => spec.Message(1, a => a.String(1, "default").String(2, "list").String(3, "").String(4, "")
                .String(5, "pods").String(6, "").String(7, "")))
            .Message(3, status => status.Varint(1, 0).String(2, "").String(3, "").Varint(4, 0))
            .ToArray();

        JsonObject obj = Decode(ProtoBuilder.Envelope("authorization.k8s.io/v1", "SelfSubjectAccessReview", raw));

        AssertJson("""
            {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview","metadata":{"creationTimestamp":null},
             "spec":{"resourceAttributes":{"namespace":"default","verb":"list","resource":"pods"}},"status":{"allowed":false}}
            """, obj);
    }

    [Fact]
    public void TryDecode_ServiceAndProbe_DecodesIntOrStringQuantityTimeAndInlineFields()
    {
        byte[] service = new ProtoBuilder()
            .Message(1, m => Meta(m, "s").Message(9, t => t.Varint(1, 1_764_054_197)))
            .Message(2, spec => spec
                .Message(1, p => p.String(1, "80-8080").String(2, "TCP").Varint(3, 80).Message(4, t => t.Varint(1, 0).Varint(2, 8080)))
                .Message(1, p => p.String(1, "http").Varint(3, 0).Message(4, t => t.Varint(1, 1).String(3, "web")))
                .MapEntry(2, "app", "s")
                .String(4, "ClusterIP"))
            .ToArray();
        byte[] pod = new ProtoBuilder()
            .Message(2, spec => spec.Message(2, c => c.String(1, "a")
                .Message(8, r => r.Message(1, e => e.String(1, "cpu").Message(2, q => q.String(1, "500m"))))
                .Message(10, probe => probe.Message(1, h => h.Message(2, g => g.String(1, "/healthz"))).Varint(2, 3))))
            .ToArray();

        JsonObject svc = Decode(ProtoBuilder.Envelope("v1", "Service", service));
        JsonObject p = Decode(ProtoBuilder.Envelope("v1", "Pod", pod));

        AssertJson("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"s","creationTimestamp":null,"deletionTimestamp":"2025-11-25T07:03:17Z"},
             "spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080},{"name":"http","port":0,"targetPort":"web"}],
               "selector":{"app":"s"},"type":"ClusterIP"}}
            """, svc);
        AssertJson("""
            {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":"500m"}},
             "livenessProbe":{"httpGet":{"path":"/healthz"},"initialDelaySeconds":3}}]}}
            """, p);
    }

    [Fact]
    public void TryDecode_UnknownFields_AreSkipped()
    {
        byte[] raw = new ProtoBuilder()
            .Message(1, m => m.String(1, "c").Varint(99, 5).Message(98, x => x.String(1, "?")))
            .Varint(77, 1)
            .ToArray();

        JsonObject obj = Decode(ProtoBuilder.Envelope("v1", "ConfigMap", raw));

        AssertJson("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}}""", obj);
    }

    [Theory]
    [InlineData(new byte[] { 0x7b, 0x7d }, "does not start with")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x0a, 0x05, 0x0a }, "past the end")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x28, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 }, "overflows")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x28, 0x80 }, "end of data in a varint")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x08, 0x01 }, "wire type 0 for envelope field 1")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00, 0x33 }, "unsupported wire type 3")]
    [InlineData(new byte[] { 0x6b, 0x38, 0x73, 0x00 }, "does not name")]
    public void TryDecode_MalformedEnvelope_FailsWithMessage(byte[] body, string message)
    {
        Assert.False(KubernetesProtobuf.TryDecode(body, out JsonObject? obj, out string? error));

        Assert.Null(obj);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_MalformedObject_NamesTheFieldPath()
    {
        byte[] wrongWire = new ProtoBuilder().Message(2, s => s.String(1, "two")).ToArray();
        byte[] truncated = [.. new ProtoBuilder().Message(1, m => m.String(1, "c")).ToArray()[..^1]];

        Assert.False(KubernetesProtobuf.TryDecode(ProtoBuilder.Envelope("apps/v1", "Deployment", wrongWire), out _, out string? wireError));
        Assert.False(KubernetesProtobuf.TryDecode(ProtoBuilder.Envelope("v1", "ConfigMap", truncated), out _, out string? truncatedError));

        Assert.Equal("protobuf: spec.replicas: wire type 2 for a Int32 field (expected 0)", wireError);
        Assert.StartsWith("protobuf: metadata: length 3 runs past the end", truncatedError, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_UnsupportedKindOrEncoding_Fails()
    {
        Assert.False(KubernetesProtobuf.TryDecode(ProtoBuilder.Envelope("v1", "Node", []), out _, out string? kindError));
        Assert.False(KubernetesProtobuf.TryDecode(ProtoBuilder.Envelope("v1", "ConfigMap", [], "gzip"), out _, out string? encodingError));

        Assert.Contains("Node in v1 cannot be decoded", kindError, StringComparison.Ordinal);
        Assert.Contains("gzip", encodingError, StringComparison.Ordinal);
        Assert.True(KubernetesProtobuf.IsSupported("apps/v1", "Deployment"));
        Assert.False(KubernetesProtobuf.IsSupported("v1", "Deployment"));
    }

    [Fact]
    public void Schema_EveryRootKind_LinksEveryNestedDescriptor()
    {
        string[] roots = ["Namespace", "ConfigMap", "Secret", "ServiceAccount", "Service", "Pod", "Deployment", "ReplicaSet",
            "SelfSubjectAccessReview", "SelfSubjectReview"];

        Assert.All(roots, r => Assert.True(ProtoSchema.Messages.ContainsKey(r), r));
        Assert.All(ProtoSchema.Messages.Values.SelectMany(m => m.Fields).Where(f => f.Kind == ProtoKind.Message),
            f => Assert.NotNull(f.Message));
    }

    [Property(MaxTest = 2000)]
    public Property TryDecode_RandomBytesAfterTheMagic_NeverThrows() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i)).ToArbitrary(), bytes =>
        {
            bool ok = KubernetesProtobuf.TryDecode([.. "k8s\0"u8, .. bytes], out JsonObject? obj, out string? error);
            return ok ? obj is not null : error is not null;
        });

    [Property(MaxTest = 1000)]
    public Property TryDecode_RandomObjectBytesOfADeployment_NeverThrows() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i)).ToArbitrary(), bytes =>
        {
            bool ok = KubernetesProtobuf.TryDecode(ProtoBuilder.Envelope("apps/v1", "Deployment", bytes), out JsonObject? obj, out string? error);
            return ok ? obj is not null : error is not null;
        });

    private static JsonObject Decode(byte[] body)
    {
        Assert.True(KubernetesProtobuf.TryDecode(body, out JsonObject? obj, out string? error), error);
        return obj;
    }

    private static void AssertJson(string expected, JsonObject actual)
    {
        JsonNode expectedNode = JsonNode.Parse(expected)!;
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"expected {expectedNode.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }
}
