using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>Generators of hostile request parts: JSON text of any shape, content types, query strings, paths.</summary>
internal static class MalformedInputs
{
    /// <summary>Keys the decoders know (so random documents reach the typed fields) and a few that nothing knows.</summary>
    private static readonly string[] s_keys =
    [
        "apiVersion", "kind", "metadata", "name", "namespace", "labels", "annotations", "data", "binaryData", "immutable",
        "spec", "replicas", "selector", "matchLabels", "template", "containers", "image", "ports", "port", "targetPort",
        "status", "resourceVersion", "uid", "creationTimestamp", "managedFields", "$patch", "$retainKeys", "x", "", "é\u0000",
    ];

    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.Elements("", "a", "v1", "ConfigMap", "Deployment", "target", "1", "-1", "true", "null", "0.5", "1Gi", "x y", "\u0000", "é", "\ud83d\ude00"),
        Gen.ArrayOf(Gen.Elements('a', 'Z', '0', '-', '.', '/', ':', '"', '\\', ' ', '\n', '\u0001', 'é', '{', '[')).Select(c => new string(c)));

    public static Gen<string> JsonString => s_text.Select(s => JsonSerializer.Serialize(s));

    public static Gen<string> Scalar => Gen.OneOf(
        Gen.Elements("null", "true", "false", "0", "-0", "1", "-1", "1.5", "1e400", "-1e-400", "99999999999999999999999", "2147483648", "9223372036854775808"),
        Gen.Choose(-1000, 1000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        JsonString);

    /// <summary>Any JSON value up to <paramref name="depth"/> levels (duplicate keys included, as JSON allows).</summary>
    public static Gen<string> Json(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (2, Scalar),
            (1, Gen.ListOf(Json(depth - 1)).Select(items => "[" + string.Join(",", items.Take(4)) + "]")),
            (3, Gen.ListOf(Gen.Zip(Gen.Elements(s_keys), Json(depth - 1)))
                .Select(members => "{" + string.Join(",", members.Take(5).Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}")));

    /// <summary>A JSON object (what every body must be) of random members.</summary>
    public static Gen<string> JsonObject(int depth) =>
        Gen.ListOf(Gen.Zip(Gen.Elements(s_keys), Json(depth - 1)))
            .Select(members => "{" + string.Join(",", members.Take(6).Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}");

    /// <summary>Content types we read, with odd parameters and casing, types we do not, and header garbage (ASCII: HttpClient sends no other).</summary>
    public static Gen<string?> ContentType => Gen.OneOf(
        Gen.Elements<string?>(
            null, "", "application/json", "APPLICATION/JSON", "application/json; charset=utf-8", "application/json; charset=utf-16",
            "application/json;;", "application/json; charset=\"", "application/yaml", "text/yaml", "application/x-yaml",
            "application/vnd.kubernetes.protobuf", "application/vnd.raftorchestrator.msgpack", "application/merge-patch+json",
            "application/json-patch+json", "application/strategic-merge-patch+json", "application/apply-patch+yaml",
            "application/apply-patch+cbor", "application/cbor", "text/plain", "multipart/form-data; boundary=x", "*/*",
            "application/*", "application/", "/json", ";", "json", "application/json, text/plain", "application/json;as=Table;v=v1;g=meta.k8s.io"),
        Gen.ArrayOf(Gen.Elements('a', 'j', '/', ';', '=', '"', ' ', '+', ',', '*', '\t', '\\', '(')).Select(c => (string?)new string(c)));

    /// <summary>A query of one to four list/watch options, mostly with values that are wrong.</summary>
    public static Gen<string> Query =>
        Gen.NonEmptyListOf(QueryPart).Select(parts => "?" + string.Join("&", parts.Take(4)));

    private static Gen<string> QueryPart => Gen.OneOf(
        Gen.Elements("-1", "0", "1", "abc", "1.5", "99999999999999999999", "9223372036854775807", " 1", "0x10", "")
            .Select(v => "limit=" + Uri.EscapeDataString(v)),
        Gen.Elements("abc", "-1", "0", "", "1.5", "99999999999999999999", "9223372036854775807", "1 ", "+5")
            .Select(v => "resourceVersion=" + Uri.EscapeDataString(v)),
        Gen.Elements("Exact", "NotOlderThan", "garbage", "").Select(v => "resourceVersionMatch=" + v),
        Selector.Select(v => "labelSelector=" + Uri.EscapeDataString(v)),
        Selector.Select(v => "fieldSelector=" + Uri.EscapeDataString(v)),
        Continue.Select(v => "continue=" + Uri.EscapeDataString(v)),
        Gen.Elements("true", "1", "false", "garbage").Select(v => "watch=" + v),
        Gen.Elements("-1", "abc", "0").Select(v => "timeoutSeconds=" + v),
        Gen.Elements("true", "yes").Select(v => "sendInitialEvents=" + v),
        Gen.Elements("%zz", "%", "&&", "=", "==x", "a=%00", "labelSelector=%ff%fe", "continue"));

    private static Gen<string> Selector => Gen.OneOf(
        Gen.Elements(
            "", "=", "==", "!=", "a=", "=b", "a==b==c", "a in (", "a in ()", "a notin (b", "!", "!a!", "a,", ",", "a=b,,c=d",
            "metadata.name=x", "metadata.name", "spec.x=1", "a in (b,c", "a>1", "a<b", "x/y/z=1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=1",
            "a=\u00e9", "\\", "a=\\", "a in (b)(c)", "(((("),
        s_text);

    /// <summary>Continue tokens: random text, base64 of random bytes, and near-valid tokens with bad fields.</summary>
    private static Gen<string> Continue => Gen.OneOf(
        s_text,
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(bytes => Base64Url.EncodeToString(bytes)),
        Gen.Elements(
            """{"v":"meta.k8s.io/v1","rv":-5,"start":"a"}""", """{"v":"meta.k8s.io/v1","rv":1e30,"start":"a"}""",
            """{"v":"meta.k8s.io/v1","rv":"1","start":"a"}""", """{"v":"meta.k8s.io/v1","rv":1,"start":"../../x"}""",
            """{"v":"meta.k8s.io/v1","rv":1,"start":"\u0000\uffff"}""", """{"v":"meta.k8s.io/v1","rv":9223372036854775807,"start":""}""",
            """{"v":"meta.k8s.io/v1","rv":1}""", """{"v":"x","rv":1,"start":"a"}""", "[]", "null", "{")
            .Select(json => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json))));

    /// <summary>A path under /api or /apis of one to seven segments, some escaped garbage. Never in namespace "fuzz".</summary>
    public static Gen<string> ApiPath =>
        from prefix in Gen.Elements("/api", "/apis", "/api/v1", "/apis/apps/v1", "/api/v1/namespaces/fuzz-paths", "/apis/apps/v1/namespaces/fuzz-paths")
        from segments in Gen.ListOf(PathSegment)
        from slash in Gen.Elements("", "/")
        select prefix + string.Concat(segments.Take(7).Select(s => "/" + s)) + slash;

    private static Gen<string> PathSegment => Gen.OneOf(
        Gen.Elements(
            "api", "apis", "v1", "v2", "apps", "namespaces", "fuzz-paths", "configmaps", "pods", "deployments", "services",
            "replicasets", "secrets", "status", "scale", "log", "binding", "eviction", "exec", "proxy", "finalize", "watch",
            "x", "..", ".", "%2F", "%00", "%zz", "%", "a%20b", "UPPER", "-", "name.with.dots", new string('a', 300)),
        s_text.Select(Uri.EscapeDataString));

    public static Gen<string> Method => Gen.Elements("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND");
}
