using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// <see cref="IClusterClient"/> over the Kubernetes API: MessagePack or JSON bodies, any replica (see
/// <see cref="ClusterClientOptions.Servers"/> for the failover), results as values. Thread-safe; one instance
/// per process and server set, shared by every component (it pools its connections).
/// </summary>
public partial class HttpClusterClient : IClusterClient
{
    /// <summary>TCP keep-alive on idle connections, so a watch on a dead peer ends within about a minute instead of hanging.</summary>
    private static readonly TimeSpan s_keepAliveIdle = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;
    private readonly string[] _servers;
    private readonly ConcurrentDictionary<Type, object> _resources = new();
    private readonly ILogger _logger;
    private int _preferred;
    private int _disposed;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "the HttpClient owns the handler (disposeHandler: true)")]
    public HttpClusterClient(ClusterClientOptions options, ILogger? logger = null)
        : this(options, CreateHandler(options), disposeHandler: true, logger)
    {
    }

    /// <summary>Over <paramref name="handler"/> instead of sockets (the server's in-process handler, or a test's).</summary>
    public HttpClusterClient(ClusterClientOptions options, HttpMessageHandler handler, bool disposeHandler = true, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        if (options.Servers.Count == 0)
        {
            throw new ArgumentException("at least one server URL is needed", nameof(options));
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RequestTimeout must be positive", nameof(options));
        }
        Options = options;
        _servers = [.. options.Servers.Select(s => s.AbsoluteUri.TrimEnd('/'))];
        _logger = logger ?? NullLogger.Instance;
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Accept.ParseAdd(options.Format == WireFormat.MessagePack
            ? $"{WireMediaTypes.MessagePack}, {WireMediaTypes.Json}"
            : WireMediaTypes.Json);
        if (!_http.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent))
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        }
        if (!string.IsNullOrEmpty(options.BearerToken))
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.BearerToken);
        }
    }

    public ClusterClientOptions Options { get; }

    /// <summary>A client configured from a kubeconfig file (see <see cref="KubeconfigReader"/>).</summary>
    public static HttpClusterClient FromKubeconfig(string path, string userAgent, WireFormat format = WireFormat.MessagePack, ILogger? logger = null) =>
        new(KubeconfigReader.Read(path, userAgent) with { Format = format }, logger);

    public IResourceClient<T> Resource<T>() where T : class, IKubernetesObject, new()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return (IResourceClient<T>)_resources.GetOrAdd(typeof(T), static (_, client) => new HttpResourceClient<T>(client, client.Options.Catalog.Descriptor<T>()), this);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _http.Dispose();
        }
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static SocketsHttpHandler CreateHandler(ClusterClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = s_keepAliveIdle,
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectCallback = ConnectAsync,
        };
        if (TlsValidation.Callback(options) is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }
        return handler;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "the NetworkStream owns the socket once connected; disposed here otherwise")]
    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, (int)s_keepAliveIdle.TotalSeconds);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
