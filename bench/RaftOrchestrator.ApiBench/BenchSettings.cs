using System.CommandLine;
using System.Globalization;

namespace RaftOrchestrator.ApiBench;

/// <summary>The parsed command line of one run, with the defaults of its mode (full or --quick) filled in.</summary>
internal sealed record BenchSettings(
    bool Quick,
    IReadOnlyList<Replica>? Servers,
    string? RorchDll,
    string OutPath,
    IReadOnlyList<WireFormat> Formats,
    IReadOnlyList<string> Targets,
    IReadOnlySet<string> Cases,
    IReadOnlyList<int> CreateClients,
    IReadOnlyList<int> GetClients,
    IReadOnlyList<int> ListClients,
    TimeSpan CaseDuration,
    int Warmup,
    int MaxOps,
    int ListObjects,
    int Watchers,
    int Updates,
    int ValueSize,
    TimeSpan MaxTotal,
    bool KeepFiles)
{
    public static BenchSettings From(ParseResult parse, BenchOptions o)
    {
        bool quick = parse.GetValue(o.Quick);
        string[] targets = Split(parse.GetValue(o.Targets));
        if (targets.Length == 0 || targets.Any(t => t is not ("leader" or "follower")))
        {
            throw new ArgumentException("--targets takes leader and/or follower");
        }
        string[] cases = Split(parse.GetValue(o.Cases));
        if (cases.Any(c => c is not ("create" or "get" or "list" or "watch")))
        {
            throw new ArgumentException("--cases takes create, get, list, watch");
        }
        string outPath = parse.GetValue(o.Out) ?? Path.Combine(Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"ro-apibench-{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}.json"));
        return new BenchSettings(
            quick,
            ParseServers(parse.GetValue(o.Servers), parse.GetValue(o.Etcd)),
            parse.GetValue(o.Rorch),
            outPath,
            [.. Split(parse.GetValue(o.Formats)).Select(WireFormats.Parse).Distinct()],
            targets,
            cases.ToHashSet(StringComparer.Ordinal),
            Counts(parse.GetValue(o.CreateClients) ?? "1,32", "--create-clients"),
            Counts(parse.GetValue(o.GetClients) ?? "1,32", "--get-clients"),
            Counts(parse.GetValue(o.ListClients) ?? "1,8", "--list-clients"),
            TimeSpan.FromSeconds(Positive(parse.GetValue(o.Seconds) ?? (quick ? 0.8 : 5), "--seconds")),
            Math.Max(0, parse.GetValue(o.Warmup) ?? (quick ? 20 : 100)),
            (int)Positive(parse.GetValue(o.MaxOps) ?? 1_000_000, "--max-ops"),
            (int)Positive(parse.GetValue(o.ListObjects) ?? 1_000, "--list-objects"),
            (int)Positive(parse.GetValue(o.Watchers) ?? (quick ? 200 : 1_000), "--watchers"),
            (int)Positive(parse.GetValue(o.Updates) ?? (quick ? 15 : 100), "--updates"),
            (int)Positive(parse.GetValue(o.ValueSize) ?? 256, "--value-size"),
            TimeSpan.FromSeconds(Positive(parse.GetValue(o.MaxTotalSeconds) ?? (quick ? 180 : 900), "--max-total-seconds")),
            parse.GetValue(o.KeepFiles));
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int[] Counts(string list, string option)
    {
        int[] counts = [.. Split(list).Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n : throw new ArgumentException($"{option}: \"{s}\" is not a positive number"))];
        return counts;
    }

    private static double Positive(double value, string option) =>
        value > 0 ? value : throw new ArgumentException($"{option} must be positive");

    /// <summary>--server and --etcd, paired by position; only loopback URLs (the benchmark never leaves this machine).</summary>
    private static Replica[]? ParseServers(string? api, string? etcd)
    {
        if (api is null)
        {
            return etcd is null ? null : throw new ArgumentException("--etcd needs --server");
        }
        string[] apis = Split(api), etcds = Split(etcd);
        if (apis.Length == 0 || apis.Length != etcds.Length)
        {
            throw new ArgumentException("--server and --etcd need the same number of URLs, in the same order");
        }
        return [.. apis.Select((a, i) => new Replica($"s{i + 1}", Loopback(a), Loopback(etcds[i])))];
    }

    private static Uri Loopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme == "http" && uri.IsLoopback
            ? uri
            : throw new ArgumentException($"not a loopback http:// URL: {url}");
}
