using Microsoft.AspNetCore.Http.Features;
using RaftOrchestrator.Server.Kube.Auth;

namespace RaftOrchestrator.Server.Kube.InProcess;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that serves requests with the replica's own <see cref="KubeApiRouter"/>:
/// the same pipeline as a socket request (routing, admission, validation, the registry), without TCP, TLS or HTTP
/// parsing. The request runs as <paramref name="user"/> (a <see cref="TrustedUserFeature"/>): no credentials are
/// checked. The response is returned as soon as it starts, its body streaming from the handler.
/// </summary>
internal sealed class InProcessHandler(KubeApiRouter router, UserInfo user) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("the request has no URI");
        Stream body = request.Content is null ? Stream.Null : await request.Content.ReadAsStreamAsync(cancellationToken);
        var exchange = new InProcessExchange(request);
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(RequestFeature(request, uri, body));
        features.Set<IHttpResponseFeature>(exchange);
        features.Set<IHttpResponseBodyFeature>(exchange);
        features.Set<IHttpRequestLifetimeFeature>(exchange);
        features.Set(new TrustedUserFeature(user));
        var context = new DefaultHttpContext(features);
        CancellationTokenRegistration cancellation = cancellationToken.Register(static state => ((InProcessExchange)state!).Abort(), exchange);
        _ = Task.Run(() => exchange.RunAsync(router.HandleAsync, context, cancellation), CancellationToken.None);
        return await exchange.Response.WaitAsync(cancellationToken);
    }

    private static HttpRequestFeature RequestFeature(HttpRequestMessage request, Uri uri, Stream body)
    {
        IHeaderDictionary headers = new HeaderDictionary();
        foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
        {
            headers.Append(header.Key, header.Value.ToArray());
        }
        if (request.Content is { } content)
        {
            foreach (KeyValuePair<string, IEnumerable<string>> header in content.Headers)
            {
                headers.Append(header.Key, header.Value.ToArray());
            }
            headers.ContentLength = content.Headers.ContentLength;
        }
        headers.Host = uri.Authority;
        return new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Scheme = uri.Scheme,
            Method = request.Method.Method,
            PathBase = "",
            Path = PathString.FromUriComponent(uri).Value ?? "/",
            QueryString = uri.Query,
            RawTarget = uri.PathAndQuery,
            Headers = headers,
            Body = body,
        };
    }
}
