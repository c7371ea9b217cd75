using System.Net.Http.Headers;
using System.Text;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// Raw HTTP/1.1 to one member's API: any method, path, query, content type and body, unvalidated, every request
/// bounded. A 200 to a watch is not read (it streams until its timeout).
/// </summary>
internal sealed class RawApi(string baseUrl) : IDisposable
{
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(20);

    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = s_requestTimeout };

    public Task<RawReply> SendAsync(string method, string pathAndQuery, string? contentType = null, string? body = null, string? accept = null) =>
        SendAsync(method, pathAndQuery, contentType, body is null ? null : Encoding.UTF8.GetBytes(body), accept);

    public async Task<RawReply> SendAsync(string method, string pathAndQuery, string? contentType, byte[]? body, string? accept = null)
    {
        using var content = body is null ? null : new ByteArrayContent(body);
        string described = body is null ? "" : body.Length > 600 ? $"({body.Length} bytes)" : Encoding.UTF8.GetString(body);
        return await SendAsync(method, pathAndQuery, contentType, content, described, accept);
    }

    /// <summary>Any content (a stream without a length is sent chunked); <paramref name="described"/> goes into failure messages.</summary>
    public async Task<RawReply> SendAsync(string method, string pathAndQuery, string? contentType, HttpContent? content, string described, string? accept = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery) { Content = content };
        if (content is not null)
        {
            content.Headers.ContentType = null;
            if (contentType is not null)
            {
                Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType), $"unsendable Content-Type {contentType}");
            }
        }
        if (accept is not null)
        {
            request.Headers.Accept.Clear();
            Assert.True(request.Headers.TryAddWithoutValidation("Accept", accept), $"unsendable Accept {accept}");
        }
        using var timeout = new CancellationTokenSource(s_requestTimeout);
        using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        MediaTypeHeaderValue? type = response.Content.Headers.ContentType;
        string line = $"{method} {pathAndQuery} [{contentType}] {described}";
        int code = (int)response.StatusCode;
        if (code == 200 && method == "GET" && pathAndQuery.Contains("watch=", StringComparison.Ordinal))
        {
            return new RawReply(line, code, type?.ToString(), []);
        }
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new RawReply(line, code, type?.ToString(), bytes);
    }

    /// <summary>GET /readyz answers 200 "ok": the server survived.</summary>
    public async Task AssertReadyAsync()
    {
        RawReply ready = await SendAsync("GET", "/readyz");
        Assert.True(ready.Code == 200 && ready.Text.Trim() == "ok", $"/readyz -> {ready.Code}: {ready.Text}");
    }

    public void Dispose() => _http.Dispose();
}
