using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// Random patches of every patch type on existing objects (a ConfigMap and a Deployment of each test's own): a
/// rejected patch leaves the object exactly as it was; an accepted one keeps it the same object.
/// </summary>
public sealed partial class MalformedRequestTests
{
    private static readonly string[] s_pointers =
    [
        "", "/", "/data", "/data/a", "/data/new", "/data/~1x", "/data/~2", "/data/a/b", "/metadata", "/metadata/name",
        "/metadata/labels", "/metadata/labels/app", "/metadata/resourceVersion", "/metadata/uid", "/metadata/managedFields/0",
        "/kind", "/apiVersion", "/spec", "/spec/replicas", "/spec/selector/matchLabels/app", "/spec/template/spec/containers/0",
        "/spec/template/spec/containers/-", "/spec/template/spec/containers/99", "/spec/template/spec/containers/-1",
        "/spec/template/spec/containers/01", "/spec/template/spec/containers/0/name", "data", "/x/y/z", "/status",
    ];

    private static Gen<string> JsonPatch =>
        Gen.OneOf(
            Gen.ListOf(
                from op in Gen.Elements("add", "remove", "replace", "move", "copy", "test", "bogus", "")
                from path in Gen.Elements(s_pointers)
                from source in Gen.Elements(s_pointers)
                from value in MalformedInputs.Json(2)
                from members in Gen.Choose(0, 15)
                select "{" + string.Join(",", new[]
                {
                    (members & 1) != 0 ? $"\"op\":\"{op}\"" : null,
                    (members & 2) != 0 ? $"\"path\":{JsonSerializer.Serialize(path)}" : null,
                    (members & 4) != 0 ? $"\"value\":{value}" : null,
                    (members & 8) != 0 ? $"\"from\":{JsonSerializer.Serialize(source)}" : null,
                }.Where(m => m is not null)) + "}")
                .Select(ops => "[" + string.Join(",", ops.Take(4)) + "]"),
            MalformedInputs.Json(3));

    private static Gen<string> StrategicPatch => Gen.OneOf(
        MalformedInputs.Json(4),
        from directive in Gen.Elements("delete", "replace", "merge", "bogus", "")
        from name in Gen.Elements("web", "other", "", "\u0000")
        from image in MalformedInputs.Json(1)
        from order in Gen.Elements("[]", "[{\"name\":\"web\"}]", "[{\"name\":\"x\"},{\"name\":\"web\"}]", "[1]", "5", "{}")
        from retain in Gen.Elements("[]", "[\"containers\"]", "[\"bogus\"]", "5")
        select "{\"spec\":{\"template\":{\"spec\":{\"$setElementOrder/containers\":" + order + ",\"$retainKeys\":" + retain
            + ",\"containers\":[{\"name\":" + JsonSerializer.Serialize(name) + ",\"image\":" + image + ",\"$patch\":\"" + directive + "\"}]}}},"
            + "\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":" + order + ",\"labels\":{\"$patch\":\"" + directive + "\"}}}");

    private static Gen<string> ApplyYaml => Gen.OneOf(
        MalformedInputs.Json(3),
        from kind in Gen.Elements(("v1", "ConfigMap"), ("apps/v1", "Deployment"), ("v1", "Pod"), ("x", "ConfigMap"))
        from data in MalformedInputs.JsonObject(3)
        select "{\"apiVersion\":\"" + kind.Item1 + "\",\"kind\":\"" + kind.Item2 + "\",\"metadata\":{\"name\":\"@\"},\"data\":" + data + ",\"spec\":" + data + "}",
        Gen.ListOf(Gen.Elements(
            "apiVersion: v1\n", "kind: ConfigMap\n", "kind: Deployment\n", "metadata:\n  name: @\n", "data:\n  a: b\n", ": :\n", "\t\n",
            "- x\n", "&a [*a]\n", "*undefined\n", "!!binary x\n", "!!int abc\n", "{", "}", "[", "key: [1, {b: 2\n", "%YAML 1.2\n---\n",
            "---\n", "...\n", "a: &x b\nc: *x\n", "? complex\n: value\n", "data: {a: 1, a: 2}\n", "spec: {replicas: x}\n", "\"\\u\"\n"))
            .Select(parts => string.Concat(parts.Take(8))));

    private static Gen<string> PatchQuery => Gen.Elements(
        "?fieldManager=fuzz", "?fieldManager=fuzz&force=true", "", "?fieldManager=", "?fieldManager=" + new string('m', 200),
        "?fieldManager=fuzz&fieldValidation=Strict", "?fieldManager=fuzz&fieldValidation=Warn", "?fieldManager=fuzz&fieldValidation=bogus",
        "?fieldManager=fuzz&dryRun=All", "?fieldManager=fuzz&dryRun=bogus", "?fieldManager=%C3%A9");

    [Fact]
    public Task JsonPatch_Random_RejectedChangesNothing() => RandomPatchesAsync("application/json-patch+json", JsonPatch);

    [Fact]
    public Task MergePatch_Random_RejectedChangesNothing() => RandomPatchesAsync("application/merge-patch+json", MalformedInputs.Json(4));

    [Fact]
    public Task StrategicMergePatch_Random_RejectedChangesNothing() => RandomPatchesAsync("application/strategic-merge-patch+json", StrategicPatch);

    [Fact]
    public Task ApplyPatch_Random_RejectedChangesNothing() => RandomPatchesAsync("application/apply-patch+yaml", ApplyYaml);

    private async Task RandomPatchesAsync(string patchType, Gen<string> bodies)
    {
        string name = NextName("patched");
        Assert.Equal(201, (await _api.SendAsync("POST", ConfigMaps, "application/json", ValidConfigMap(name))).Code);
        Assert.Equal(201, (await _api.SendAsync("POST", Deployments, "application/json", ValidDeployment(name))).Code);
        Gen<(string Collection, string Body, string Query)> cases =
            from collection in Gen.Elements(ConfigMaps, Deployments)
            from body in bodies
            from query in PatchQuery
            select (collection, body.Replace("@", name, StringComparison.Ordinal), query);

        await CheckAsync(200, cases, c => WriteOrNothingAsync($"{c.Collection}/{name}", () =>
            _api.SendAsync("PATCH", $"{c.Collection}/{name}{c.Query}", patchType, c.Body)));
        await AssertTargetsIntactAsync();
    }
}
