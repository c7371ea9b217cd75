using System.CommandLine;
using System.Globalization;

namespace RaftOrchestrator.LoadGen;

/// <summary>The parsed command line of one run.</summary>
internal sealed record RunSettings(
    IReadOnlyList<string> Endpoints,
    int Clients,
    int Conns,
    int Total,
    TimeSpan MaxDuration,
    int ValueSize,
    string Target,
    int Warmup,
    int Keys,
    bool Serializable,
    TimeSpan? Timeout,
    TimeSpan ExitAfterRecovery,
    string? LogPath,
    string Prefix,
    int MaxOps)
{
    public static RunSettings From(ParseResult result, CliOptions options)
    {
        var endpoints = (result.GetValue(options.Endpoints) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var endpoint in endpoints)
        {
            if (!endpoint.StartsWith("127.0.0.1:", StringComparison.Ordinal)
                && !endpoint.StartsWith("localhost:", StringComparison.Ordinal))
            {
                throw new ArgumentException($"only 127.0.0.1 endpoints are allowed: {endpoint}");
            }
        }

        if (endpoints.Length == 0)
        {
            throw new ArgumentException("--endpoints is empty");
        }

        var clients = Math.Max(1, result.GetValue(options.Clients));
        var conns = result.GetValue(options.Conns);
        var run = result.GetValue(options.Run) ?? DefaultRunId();
        return new RunSettings(
            endpoints,
            clients,
            conns > 0 ? conns : Math.Min(clients, 16),
            Math.Max(0, result.GetValue(options.Total)),
            TimeSpan.FromSeconds(Math.Clamp(result.GetValue(options.MaxSeconds), 0.1, 3_600)),
            Math.Max(0, result.GetValue(options.ValueSize)),
            result.GetValue(options.Target) ?? "leader",
            Math.Max(0, result.GetValue(options.Warmup)),
            Math.Max(1, result.GetValue(options.Keys)),
            result.GetValue(options.Serializable),
            result.GetValue(options.TimeoutMs) is > 0 and var ms ? TimeSpan.FromMilliseconds(ms) : null,
            TimeSpan.FromMilliseconds(Math.Max(0, result.GetValue(options.ExitAfterRecoveryMs))),
            result.GetValue(options.Log),
            result.GetValue(options.Prefix) ?? $"/load/{run}/",
            Math.Max(1, result.GetValue(options.MaxOps)));
    }

    /// <summary>The per-request deadline, or <paramref name="fallback"/> when --timeout-ms was not given.</summary>
    public TimeSpan TimeoutOr(TimeSpan fallback) => Timeout ?? fallback;

    private static string DefaultRunId()
    {
        var micros = UnixClock.NowMicros() % 1_000_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId:x}{micros:x}");
    }
}
