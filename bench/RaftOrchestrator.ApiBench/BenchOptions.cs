using System.CommandLine;

namespace RaftOrchestrator.ApiBench;

/// <summary>
/// The command line. Size options are nullable: unset, they take the default of the mode (full or --quick) from
/// <see cref="BenchSettings"/>.
/// </summary>
internal sealed class BenchOptions
{
    public Option<bool> Quick { get; } = new("--quick") { Description = "Smoke-test sizes (about 30 s instead of 3-4 min)" };

    public Option<string?> Servers { get; } = new("--server")
    {
        Description = "Comma-separated Kubernetes API URLs of a running cluster (http://127.0.0.1:port); none = start 3 rorch processes",
    };

    public Option<string?> Etcd { get; } = new("--etcd")
    {
        Description = "With --server: the etcd gRPC URLs of the same replicas, in the same order (to find the leader)",
    };

    public Option<string?> Rorch { get; } = new("--rorch") { Description = "rorch.dll to start (default $RORCH_DLL, else the Release build of src/RaftOrchestrator.Server)" };

    public Option<string?> Out { get; } = new("--out") { Description = "JSON results file (default /tmp/ro-apibench-<unix time>.json)" };

    public Option<string> Formats { get; } = new("--formats") { Description = "json,msgpack", DefaultValueFactory = _ => "json,msgpack" };

    public Option<string> Targets { get; } = new("--targets") { Description = "leader,follower", DefaultValueFactory = _ => "leader,follower" };

    public Option<string> Cases { get; } = new("--cases") { Description = "create,get,list,watch", DefaultValueFactory = _ => "create,get,list,watch" };

    public Option<string?> CreateClients { get; } = new("--create-clients") { Description = "Concurrent clients of the create cases (default 1,32)" };

    public Option<string?> GetClients { get; } = new("--get-clients") { Description = "Concurrent clients of the get cases (default 1,32)" };

    public Option<string?> ListClients { get; } = new("--list-clients") { Description = "Concurrent clients of the list cases (default 1,8)" };

    public Option<double?> Seconds { get; } = new("--seconds") { Description = "Timed part of each request case, in seconds (default 5; quick 0.8)" };

    public Option<int?> Warmup { get; } = new("--warmup") { Description = "Untimed requests before each request case, and 3x that of each kind before the first case (default 100; quick 20)" };

    public Option<int?> MaxOps { get; } = new("--max-ops") { Description = "Cap on the timed requests of a case (default 1,000,000)" };

    public Option<int?> ListObjects { get; } = new("--list-objects") { Description = "ConfigMaps in the listed namespace (default 1,000)" };

    public Option<int?> Watchers { get; } = new("--watchers") { Description = "Concurrent watchers of the watch cases (default 1,000; quick 200)" };

    public Option<int?> Updates { get; } = new("--updates") { Description = "Updates watched in each watch case (default 100; quick 15)" };

    public Option<int?> ValueSize { get; } = new("--value-size") { Description = "Bytes of the \"value\" entry of each ConfigMap (default 256)" };

    public Option<double?> MaxTotalSeconds { get; } = new("--max-total-seconds")
    {
        Description = "Hard bound on the whole run; on expiry what was measured is reported (default 900; quick 180)",
    };

    public Option<bool> KeepFiles { get; } = new("--keep-files") { Description = "Keep the temporary directory (data, member logs)" };

    public IEnumerable<Option> All => [
        Quick, Servers, Etcd, Rorch, Out, Formats, Targets, Cases, CreateClients, GetClients, ListClients, Seconds, Warmup,
        MaxOps, ListObjects, Watchers, Updates, ValueSize, MaxTotalSeconds, KeepFiles,
    ];
}
