namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// A whole reply read within its time bound: status code, body and content type; or, with code 0, why there is
/// none (a transport error or no reply in time).
/// </summary>
public readonly record struct HttpReply(int Code, byte[] Body, string? MediaType, string? TransportError)
{
    public bool IsSuccess => TransportError is null && Code is >= 200 and < 300;

    /// <summary>The body as text, cut to 300 characters (for error messages).</summary>
    public string Text()
    {
        string text = System.Text.Encoding.UTF8.GetString(Body);
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    /// <summary>Sends the request and reads the whole reply, bounded by <paramref name="timeout"/>; failures are values, cancellation of <paramref name="ct"/> throws.</summary>
    public static async Task<HttpReply> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var call = CancellationTokenSource.CreateLinkedTokenSource(ct);
        call.CancelAfter(timeout);
        try
        {
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, call.Token);
            byte[] body = await response.Content.ReadAsByteArrayAsync(call.Token);
            return new HttpReply((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, null);
        }
        catch (HttpRequestException e)
        {
            return new HttpReply(0, [], null, $"transport: {e.Message}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new HttpReply(0, [], null, $"no reply within {timeout.TotalSeconds:0} s");
        }
    }
}
