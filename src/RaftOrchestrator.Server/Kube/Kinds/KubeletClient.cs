namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// The API server's HTTP client to node agents (kube-apiserver's kubelet client), for the log proxy: one pooled
/// handler for the server's lifetime, disposed with it. No proxy, no redirects (kube-apiserver refuses an agent's
/// redirect), a bounded connect; no overall timeout, since a followed log lasts as long as its client wants.
/// </summary>
public sealed class KubeletClient : IDisposable
{
    /// <summary>An agent that does not accept a connection in this long is unreachable.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>An agent that accepted but sends no response headers in this long is not answering.</summary>
    public static readonly TimeSpan HeadersTimeout = TimeSpan.FromSeconds(30);

    private readonly SocketsHttpHandler _handler = new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = ConnectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
    };

    public KubeletClient() => Http = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public HttpClient Http { get; }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }
}
