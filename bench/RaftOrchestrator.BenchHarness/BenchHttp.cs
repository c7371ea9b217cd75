using System.Net;

namespace RaftOrchestrator.BenchHarness;

/// <summary>
/// The HTTP setup of the benchmarks: HTTP/1.1 only (plain http:// is never upgraded), one connection per
/// concurrent request or watch, no proxy, no decompression.
/// </summary>
public static class BenchHttp
{
    public static SocketsHttpHandler NewHandler() => new()
    {
        MaxConnectionsPerServer = 8_192,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    };
}
