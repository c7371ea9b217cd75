using System.CommandLine;

namespace RaftOrchestrator.LoadGen;

/// <summary>Every option of every mode. They are recursive on the root command, so each mode accepts them.</summary>
internal sealed class CliOptions
{
    public Option<string> Endpoints { get; } = new("--endpoints")
    {
        Description = "Comma-separated host:port client endpoints (127.0.0.1 only)",
        DefaultValueFactory = _ => "127.0.0.1:12379,127.0.0.1:12479,127.0.0.1:12579",
        Recursive = true,
    };

    public Option<int> Clients { get; } = new("--clients")
    {
        Description = "Concurrent closed-loop workers",
        DefaultValueFactory = _ => 1,
        Recursive = true,
    };

    public Option<int> Conns { get; } = new("--conns")
    {
        Description = "gRPC channels (HTTP/2 connections) shared by the workers; 0 = min(clients, 16)",
        DefaultValueFactory = _ => 0,
        Recursive = true,
    };

    public Option<int> Total { get; } = new("--total")
    {
        Description = "Timed operations (watch: puts)",
        DefaultValueFactory = _ => 20_000,
        Recursive = true,
    };

    public Option<double> MaxSeconds { get; } = new("--max-seconds")
    {
        Description = "Upper bound on the timed part, in seconds",
        DefaultValueFactory = _ => 60,
        Recursive = true,
    };

    public Option<int> ValueSize { get; } = new("--value-size")
    {
        Description = "Value size in bytes",
        DefaultValueFactory = _ => 256,
        Recursive = true,
    };

    public Option<string> Target { get; } = new("--target")
    {
        Description = "leader | all | first | <endpoint index>",
        DefaultValueFactory = _ => "leader",
        Recursive = true,
    };

    public Option<int> Warmup { get; } = new("--warmup")
    {
        Description = "Untimed warm-up operations",
        DefaultValueFactory = _ => 200,
        Recursive = true,
    };

    public Option<int> Keys { get; } = new("--keys")
    {
        Description = "range: keys written before the reads",
        DefaultValueFactory = _ => 1_000,
        Recursive = true,
    };

    public Option<bool> Serializable { get; } = new("--serializable")
    {
        Description = "range: serializable instead of linearizable reads",
        Recursive = true,
    };

    public Option<int> TimeoutMs { get; } = new("--timeout-ms")
    {
        Description = "Per-request deadline in ms; 0 = none for put/range/fill/watch (their loops are capped), "
            + "250 for failover, 2000 for status",
        DefaultValueFactory = _ => 0,
        Recursive = true,
    };

    public Option<int> ExitAfterRecoveryMs { get; } = new("--exit-after-recovery-ms")
    {
        Description = "failover: keep writing this long after the first success that follows a failure",
        DefaultValueFactory = _ => 1_000,
        Recursive = true,
    };

    public Option<string?> Log { get; } = new("--log")
    {
        Description = "failover: file that gets one line per attempt",
        Recursive = true,
    };

    public Option<string?> Prefix { get; } = new("--prefix")
    {
        Description = "Key prefix; default /load/<run>/",
        Recursive = true,
    };

    public Option<string?> Run { get; } = new("--run")
    {
        Description = "Run id used in the default key prefix",
        Recursive = true,
    };

    public Option<int> MaxOps { get; } = new("--max-ops")
    {
        Description = "failover: upper bound on attempts",
        DefaultValueFactory = _ => 200_000,
        Recursive = true,
    };
}
