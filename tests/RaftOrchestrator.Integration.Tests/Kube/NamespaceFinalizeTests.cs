using System.Text.Json;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// namespaces/{name}/finalize over HTTP, as the namespace controller uses it: a terminating namespace stays until
/// its spec.finalizers are emptied there (an update of the namespace cannot), and then it is gone.
/// </summary>
public sealed class NamespaceFinalizeTests(ApiOnlyKubeFixture fixture) : IClassFixture<ApiOnlyKubeFixture>
{
    private const string Json = "application/json";

    private RawApi Api() => new(fixture.Target.ApiUrl);

    private static async Task<JsonElement> TerminatingAsync(RawApi api, string name)
    {
        RawReply created = await api.SendAsync("POST", "/api/v1/namespaces", Json, $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{name}}}"}}""");
        Assert.Equal(201, created.Code);
        RawReply map = await api.SendAsync("POST", $"/api/v1/namespaces/{name}/configmaps", Json, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"inside"}}""");
        Assert.Equal(201, map.Code);
        RawReply deleted = await api.SendAsync("DELETE", $"/api/v1/namespaces/{name}");
        Assert.Equal(200, deleted.Code);
        RawReply read = await api.SendAsync("GET", $"/api/v1/namespaces/{name}");
        Assert.Equal(200, read.Code);
        return JsonDocument.Parse(read.Body).RootElement.Clone();
    }

    [Fact]
    public async Task PutFinalize_EmptyFinalizers_DeletesTheTerminatingNamespace()
    {
        using RawApi api = Api();
        JsonElement ns = await TerminatingAsync(api, "finalize-put");
        string version = ns.GetProperty("metadata").GetProperty("resourceVersion").GetString()!;

        RawReply update = await api.SendAsync("PUT", "/api/v1/namespaces/finalize-put", Json,
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"finalize-put"},"spec":{"finalizers":[]}}""");
        RawReply stillThere = await api.SendAsync("GET", "/api/v1/namespaces/finalize-put");
        RawReply stale = await api.SendAsync("PUT", "/api/v1/namespaces/finalize-put/finalize", Json,
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"finalize-put","resourceVersion":"1"},"spec":{"finalizers":[]}}""");
        RawReply bad = await api.SendAsync("PUT", "/api/v1/namespaces/finalize-put/finalize", Json,
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"finalize-put"},"spec":{"finalizers":["not-qualified"]}}""");
        RawReply finalized = await api.SendAsync("PUT", "/api/v1/namespaces/finalize-put/finalize", Json,
            $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"finalize-put","resourceVersion":"{{{version}}}"},"spec":{"finalizers":[]}}""");
        RawReply gone = await api.SendAsync("GET", "/api/v1/namespaces/finalize-put");

        Assert.Equal("Terminating", ns.GetProperty("status").GetProperty("phase").GetString());
        Assert.Equal(200, update.Code);
        Assert.Contains("\"finalizers\":[\"kubernetes\"]", stillThere.Text, StringComparison.Ordinal);
        Assert.Equal(409, stale.Code);
        Assert.Equal(422, bad.Code);
        Assert.Equal(200, finalized.Code);
        Assert.Equal(404, gone.Code);
    }

    [Fact]
    public async Task PatchFinalize_OtherFinalizerLeft_KeepsNamespaceUntilItGoes()
    {
        using RawApi api = Api();
        await TerminatingAsync(api, "finalize-patch");

        RawReply swapped = await api.SendAsync("PATCH", "/api/v1/namespaces/finalize-patch/finalize", "application/merge-patch+json",
            """{"spec":{"finalizers":["example.com/last"]},"metadata":{"labels":{"ignored":"yes"}}}""");
        RawReply held = await api.SendAsync("DELETE", "/api/v1/namespaces/finalize-patch?gracePeriodSeconds=0");
        RawReply after = await api.SendAsync("GET", "/api/v1/namespaces/finalize-patch");
        RawReply emptied = await api.SendAsync("PATCH", "/api/v1/namespaces/finalize-patch/finalize", "application/merge-patch+json",
            """{"spec":{"finalizers":null}}""");
        RawReply gone = await api.SendAsync("GET", "/api/v1/namespaces/finalize-patch");

        Assert.Equal(200, swapped.Code);
        Assert.DoesNotContain("ignored", swapped.Text, StringComparison.Ordinal);
        Assert.Equal(200, held.Code);
        Assert.Contains("\"finalizers\":[\"example.com/last\"]", after.Text, StringComparison.Ordinal);
        Assert.Equal(200, emptied.Code);
        Assert.Equal(404, gone.Code);
    }

    [Fact]
    public async Task Finalize_PostOrMissingNamespace_RefusedWithStatus()
    {
        using RawApi api = Api();

        RawReply post = await api.SendAsync("POST", "/api/v1/namespaces/default/finalize", Json, "{}");
        RawReply missing = await api.SendAsync("PUT", "/api/v1/namespaces/finalize-missing/finalize", Json,
            """{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"finalize-missing"},"spec":{"finalizers":[]}}""");

        Assert.Equal(405, post.AssertWellFormed().Code);
        Assert.Equal(404, missing.AssertWellFormed().Code);
    }
}
