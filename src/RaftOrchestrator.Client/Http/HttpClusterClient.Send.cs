using System.Net;
using System.Net.Http.Headers;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Http;

public partial class HttpClusterClient
{
    /// <summary>A request body and its media type.</summary>
    internal readonly record struct Body(ReadOnlyMemory<byte> Bytes, string ContentType);

    /// <summary>
    /// One call: the request to each server in turn, starting with the one that answered last, until one answers
    /// with anything but 503. A server is skipped for the next when it cannot be connected to (any method) or the
    /// connection failed before the reply (GET only: a write may have been received); every failure is a Status
    /// value. <paramref name="read"/> owns the reply and runs inside the attempt's timeout.
    /// </summary>
    internal async Task<ApiResult<TResult>> SendAsync<TResult>(HttpMethod method, string pathAndQuery, Body? body,
        Func<HttpResponseMessage, CancellationToken, Task<ApiResult<TResult>>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        bool idempotent = method == HttpMethod.Get;
        int first = Volatile.Read(ref _preferred);
        Status? unavailable = null;
        string lastError = "no server tried";
        for (int i = 0; i < _servers.Length; i++)
        {
            int index = (first + i) % _servers.Length;
            bool more = i + 1 < _servers.Length;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(Options.RequestTimeout);
            using HttpRequestMessage request = Request(_servers[index], method, pathAndQuery, body);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                return ApiResult.Fail<TResult>(ClientStatus.Timeout($"{method} {pathAndQuery}: no reply from {_servers[index]} within {Options.RequestTimeout.TotalSeconds:0.#} s"));
            }
            catch (HttpRequestException e) when (more && (idempotent || e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError))
            {
                lastError = e.Message;
                HttpClientLog.TryingNextServer(_logger, method.Method, _servers[index], e.Message);
                continue;
            }
            catch (HttpRequestException e)
            {
                lastError = e.Message;
                break;
            }
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && more)
            {
                using (response)
                {
                    unavailable = await FailureOrNullAsync(response, attempt.Token);
                }
                HttpClientLog.TryingNextServer(_logger, method.Method, _servers[index], unavailable?.Message ?? "503");
                continue;
            }
            Volatile.Write(ref _preferred, index);
            try
            {
                return await read(response, attempt.Token);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException)
            {
                return ApiResult.Fail<TResult>(ClientStatus.Timeout($"{method} {pathAndQuery}: the reply from {_servers[index]} did not complete within {Options.RequestTimeout.TotalSeconds:0.#} s"));
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                return ApiResult.Fail<TResult>(ClientStatus.ServiceUnavailable($"{method} {pathAndQuery}: the connection to {_servers[index]} broke while reading the reply: {e.Message}"));
            }
        }
        HttpClientLog.NoServer(_logger, method.Method, pathAndQuery, unavailable?.Message ?? lastError);
        return ApiResult.Fail<TResult>(unavailable ?? ClientStatus.ServiceUnavailable($"{method} {pathAndQuery}: no server could be reached ({lastError})"));
    }

    private static HttpRequestMessage Request(string server, HttpMethod method, string pathAndQuery, Body? body)
    {
        var request = new HttpRequestMessage(method, new Uri(server + pathAndQuery))
        {
            // HTTP/2 where TLS negotiates it (watches share one connection); plain http stays HTTP/1.1.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        if (body is { } content)
        {
            request.Content = new ReadOnlyMemoryContent(content.Bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(content.ContentType);
        }
        return request;
    }

    /// <summary>The Status of a 503 from a server the call then moves past; null when even that cannot be read.</summary>
    private static async Task<Status?> FailureOrNullAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await ReplyReader.FailureAsync(response, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
