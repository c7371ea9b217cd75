namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>The cases the properties found once, kept as fixed examples.</summary>
public sealed partial class MalformedRequestTests
{
    [Theory]
    [InlineData("application/merge-patch+json", """{"data":{"a":"x"},"data":{"b":"y"}}""")]
    [InlineData("application/strategic-merge-patch+json", """{"metadata":{"labels":{},"labels":{}}}""")]
    [InlineData("application/apply-patch+yaml", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"target"},"data":{"a":"1"},"data":{"a":"2"}}""")]
    public async Task Patch_DuplicateKeys_IsBadRequestNot500(string patchType, string body) =>
        await WriteOrNothingAsync(ConfigMaps + "/target", async () =>
            (await _api.SendAsync("PATCH", ConfigMaps + "/target?fieldManager=fuzz", patchType, body)).AssertRejected(400));

    [Fact]
    public async Task MergePatch_UnknownFieldWithNonAsciiName_AnswersWithAnAsciiWarning()
    {
        RawReplyWithHeaders reply = await SendWithWarningAsync("""{"é\u0000":{}}""");

        Assert.True(reply.Code == 200, reply.Text);
        Assert.StartsWith("299 - \"unknown field \\\"\\u00e9\\u0000\\\"", reply.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MessagePackNil_IsBadRequestNot500() =>
        (await _api.SendAsync("POST", ConfigMaps, "application/vnd.raftorchestrator.msgpack", [0xc0])).AssertRejected(400);

    private sealed record RawReplyWithHeaders(int Code, string Text, string? Warning);

    private async Task<RawReplyWithHeaders> SendWithWarningAsync(string mergePatch)
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Target.ApiUrl), Timeout = TimeSpan.FromSeconds(20) };
        using var content = new StringContent(mergePatch, System.Text.Encoding.UTF8, "application/merge-patch+json");
        using HttpResponseMessage response = await http.PatchAsync(ConfigMaps + "/target?fieldValidation=Warn", content);
        string? warning = response.Headers.TryGetValues("Warning", out IEnumerable<string>? values) ? values.First() : null;
        return new RawReplyWithHeaders((int)response.StatusCode, await response.Content.ReadAsStringAsync(), warning);
    }
}
