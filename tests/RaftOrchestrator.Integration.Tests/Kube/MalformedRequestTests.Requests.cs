using System.Net.Http.Headers;
using FsCheck;
using FsCheck.Fluent;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>Content types, Accept headers, oversized bodies, query strings, paths and methods.</summary>
public sealed partial class MalformedRequestTests
{
    private static readonly string[] s_readable = ["", "application/json", "text/json", "application/yaml", "application/x-yaml", "text/yaml"];

    [Fact]
    public async Task RandomContentType_OnValidBody_IsReadOrRefusedAs415()
    {
        await CheckAsync(200, MalformedInputs.ContentType, async type =>
        {
            RawReply reply = (await _api.SendAsync("POST", ConfigMaps, type, ValidConfigMap(NextName("ctype")))).AssertWellFormed();
            string essence = type is not null && MediaTypeHeaderValue.TryParse(type, out MediaTypeHeaderValue? parsed) ? parsed.MediaType?.ToLowerInvariant() ?? "" : "";
            if (!s_readable.Contains(essence) && essence != "application/vnd.raftorchestrator.msgpack" && essence != "application/vnd.kubernetes.protobuf")
            {
                Assert.True(reply.Code == 415, $"{reply.Request} -> {reply.Code}: {reply.Text}");
            }
            await WriteOrNothingAsync(ConfigMaps + "/target", () => _api.SendAsync("PATCH", ConfigMaps + "/target", type, """{"data":{"a":"1"}}"""));
        });
        await AssertTargetsIntactAsync();
    }

    [Fact]
    public async Task RandomAccept_OnGetListAndWatch_IsAnsweredNot5xx()
    {
        Gen<(string? Accept, string Path)> cases = Gen.Zip(
            MalformedInputs.ContentType,
            Gen.Elements(ConfigMaps + "/target", ConfigMaps, ConfigMaps + "?watch=true&timeoutSeconds=1&resourceVersion=1", "/api/v1/namespaces/fuzz/configmaps/missing"));

        await CheckAsync(200, cases, async c =>
            (await _api.SendAsync("GET", c.Path, accept: c.Accept ?? "")).AssertWellFormed());
        await AssertTargetsIntactAsync();
    }

    [Fact]
    public async Task OversizedBody_WithOrWithoutLength_Is413AndChangesNothing()
    {
        Gen<(int Size, string Method, bool Chunked)> cases =
            from size in Gen.OneOf(Gen.Constant(BodyLimit + 1), Gen.Choose(BodyLimit + 1, BodyLimit + (1 << 20)))
            from method in Gen.Elements("POST", "PUT", "PATCH")
            from chunked in Gen.Elements(false, true)
            select (size, method, chunked);

        await CheckAsync(12, cases, async c =>
        {
            string prefix = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"target"},"data":{"a":" """;
            byte[] body = new byte[c.Size];
            Array.Fill(body, (byte)'x');
            Utf8(prefix).CopyTo(body, 0);
            Utf8("\"}}").CopyTo(body, body.Length - 3);
            string path = c.Method == "POST" ? ConfigMaps : ConfigMaps + "/target";
            string type = c.Method == "PATCH" ? "application/merge-patch+json" : "application/json";
            await WriteOrNothingAsync(ConfigMaps + "/target", async () =>
            {
                using HttpContent content = c.Chunked ? new StreamContent(new UnknownLengthStream(body)) : new ByteArrayContent(body);
                return (await _api.SendAsync(c.Method, path, type, content, $"({c.Size} bytes{(c.Chunked ? ", chunked" : "")})")).AssertRejected(413);
            });
        });
        await AssertTargetsIntactAsync();
    }

    [Fact]
    public async Task RandomQuery_OnListAndWatch_IsAnsweredNot5xx()
    {
        Gen<(string Path, string Query)> cases = Gen.Zip(
            Gen.Elements(ConfigMaps, "/api/v1/configmaps", Deployments, "/api/v1/namespaces", ConfigMaps + "/target"),
            MalformedInputs.Query);

        await CheckAsync(200, cases, async c =>
        {
            // A watch that is accepted streams: the timeout bounds it, and its body is not read.
            string query = c.Query.Contains("watch=", StringComparison.Ordinal) ? c.Query + "&timeoutSeconds=1" : c.Query;
            (await _api.SendAsync("GET", c.Path + query)).AssertWellFormed();
        });
        await AssertTargetsIntactAsync();
    }

    [Fact]
    public async Task RandomPath_AnyMethod_IsAnsweredWithStatusNot5xx()
    {
        Gen<(string Method, string Path, string Body)> cases =
            from method in MalformedInputs.Method
            from path in MalformedInputs.ApiPath
            from body in Gen.Elements("{}", ValidConfigMap("from-random-path"), "[]")
            select (method, path, body);

        await CheckAsync(200, cases, async c =>
            (await _api.SendAsync(c.Method, c.Path, c.Method is "GET" or "HEAD" ? null : "application/json", c.Method is "GET" or "HEAD" ? null : c.Body)).AssertWellFormed());
        await AssertTargetsIntactAsync();
    }

    [Fact]
    public async Task WrongTypeInKnownField_PostedOrMergePatched_IsRejectedAndChangesNothing()
    {
        await CheckAsync(200, Gen.Elements(WrongTypes.All), async c =>
        {
            string name = NextName("wrong");
            string valid = c.Path switch { ConfigMaps => ValidConfigMap(name), Deployments => ValidDeployment(name), _ => WrongTypes.Base(c.Path, name) };
            (await _api.SendAsync("POST", c.Path, "application/json", WrongTypes.Set(valid, c.Field, c.Value))).AssertRejected(400, 422);
            if (c.Path == ConfigMaps || c.Path == Deployments)
            {
                string target = c.Path + "/target";
                await WriteOrNothingAsync(target, async () =>
                    (await _api.SendAsync("PATCH", target, "application/merge-patch+json", WrongTypes.Fragment(c.Field, c.Value))).AssertRejected(400, 422));
            }
        });
        await AssertTargetsIntactAsync();
    }

    /// <summary>A body stream that hides its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;
    }
}
