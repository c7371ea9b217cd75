using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace RaftOrchestrator.ApiBench;

/// <summary>
/// One run: the cluster (started here or given), the leader and a follower, the cases in order (for each format,
/// for each target: create, get, list, watch), then the table and the results file. The run is bounded by
/// <see cref="BenchSettings.MaxTotal"/>; on expiry, SIGINT or SIGTERM it stops, reports what it has, and kills
/// the processes it started.
/// </summary>
internal sealed partial class BenchRunner : IDisposable
{
    private readonly BenchSettings _settings;
    private readonly SocketsHttpHandler _handler;
    private readonly HttpClient _plain;
    private readonly HttpClient _http;
    private readonly EtcdProbe _probe = new();
    private readonly List<CaseResult> _cases = [];
    private readonly List<WatchCaseResult> _watches = [];
    private readonly List<string> _notes = [];
    private readonly string _runId;

    private BenchRunner(BenchSettings settings)
    {
        _settings = settings;
        _handler = BenchHttp.NewHandler();
        _plain = new HttpClient(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(5) };
        // Watches last as long as their case; every other call is bounded by its own timeout (ApiClient).
        _http = new HttpClient(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ro-apibench", "1"));
        _runId = (TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() % 100_000_000).ToString("x", CultureInfo.InvariantCulture);
    }

    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        using var runner = new BenchRunner(settings);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(settings.MaxTotal);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        return await runner.RunAsync(stop.Token);
    }

    private async Task<int> RunAsync(CancellationToken ct)
    {
        string started = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        long t0 = Stopwatch.GetTimestamp();
        LocalCluster? cluster = null;
        IReadOnlyList<Replica> replicas = [];
        Replica? leader = null, follower = null;
        try
        {
            if (_settings.Servers is { } given)
            {
                replicas = given;
            }
            else
            {
                string dll = RorchBinary.Find(_settings.RorchDll);
                Progress($"starting 3 rorch replicas from {dll}");
                cluster = await LocalCluster.StartAsync(dll, new ClusterSettings(3, [], "ro-apibench-", _settings.KeepFiles), _probe, _plain, Progress, ct);
                replicas = cluster.Replicas;
                if (_settings.KeepFiles)
                {
                    _notes.Add($"files kept in {cluster.Root}");
                }
            }
            leader = await _probe.WaitForLeaderAsync(replicas, TimeSpan.FromSeconds(30), ct);
            follower = replicas.FirstOrDefault(r => r != leader);
            Progress($"leader {leader.Name} ({leader.ApiUrl}), follower {follower?.Name ?? "none"}");
            await RunCasesAsync(leader, follower, ct);
            if (await _probe.LeaderAsync(replicas, ct) is { } after && after != leader)
            {
                _notes.Add($"the leader changed during the run: {leader.Name} -> {after.Name}; later cases' roles are off");
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            _notes.Add($"stopped early (time bound of {_settings.MaxTotal.TotalSeconds:0} s, or a signal): the results are partial");
        }
        finally
        {
            cluster?.Dispose();
        }
        var report = new BenchReport(started, Stopwatch.GetElapsedTime(t0).TotalSeconds, _settings.Quick, Environment.ProcessorCount,
            [.. replicas.Select(r => $"{r.Name} api={r.ApiUrl} etcd={r.EtcdUrl}")], leader?.Name, follower?.Name,
            BenchReportSettings.Of(_settings), _cases, _watches, _notes);
        ResultsTable.Write(report, Console.Out);
        await File.WriteAllTextAsync(_settings.OutPath, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport), CancellationToken.None);
        await Console.Out.WriteLineAsync($"results: {_settings.OutPath} ({report.Seconds:0} s)");
        return _cases.Any(c => c.Errors > 0 || c.Ops == 0) || _watches.Any(w => w.Result.Error is not null || w.Result.Delivered < w.Result.Expected)
            || ct.IsCancellationRequested ? 1 : 0;
    }

    private static void Progress(string message) => BenchLog.Progress(message);

    public void Dispose()
    {
        _plain.Dispose();
        _http.Dispose();
        _handler.Dispose();
        _probe.Dispose();
    }
}
