using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.ApiBench;

internal sealed partial class BenchRunner
{
    private const string GetName = "cm-get";

    private string Ns(string what) => $"b{_runId}-{what}";

    private async Task RunCasesAsync(Replica leader, Replica? follower, CancellationToken ct)
    {
        await CreateNamespacesAsync(leader, follower, ct);
        await SeedAsync(leader, ct);
        await WarmUpAsync(leader, follower, ct);
        foreach (WireFormat format in _settings.Formats)
        {
            foreach (string role in _settings.Targets)
            {
                Replica? target = role == "leader" ? leader : follower;
                if (target is null)
                {
                    _notes.Add($"no {role} to measure");
                    continue;
                }
                await RunTargetAsync(new ApiClient(_http, target.ApiUrl, format), new ApiClient(_http, leader.ApiUrl, format), role, ct);
            }
        }
    }

    private async Task RunTargetAsync(ApiClient client, ApiClient writer, string role, CancellationToken ct)
    {
        string tag = $"{client.Format.Name()}-{role}";
        if (_settings.Cases.Contains("create"))
        {
            foreach (int clients in _settings.CreateClients)
            {
                string ns = Ns($"create-{tag}-c{clients}");
                await LoopAsync("create", client, role, clients, async (seq, c) =>
                    (await client.CreateAsync(ns, ConfigMaps.New(Name(seq), _settings.ValueSize, seq), c)).Error, ct);
            }
        }
        if (_settings.Cases.Contains("get"))
        {
            foreach (int clients in _settings.GetClients)
            {
                await LoopAsync("get", client, role, clients, async (_, c) => (await client.GetAsync(Ns("get"), GetName, c)).Error, ct);
            }
        }
        if (_settings.Cases.Contains("list"))
        {
            foreach (int clients in _settings.ListClients)
            {
                await LoopAsync($"list {_settings.ListObjects:N0}", client, role, clients, async (_, c) =>
                {
                    Reply<ObjectList<ConfigMap>> list = await client.ListAsync(Ns("list"), c);
                    return list.Ok && list.Value!.Items.Count != _settings.ListObjects
                        ? $"{list.Value.Items.Count} items instead of {_settings.ListObjects}"
                        : list.Error;
                }, ct);
            }
        }
        if (_settings.Cases.Contains("watch"))
        {
            Progress($"watch {tag}: {_settings.Watchers:N0} watchers, {_settings.Updates:N0} updates");
            var settings = new WatchSettings(_settings.Watchers, _settings.Updates, _settings.ValueSize, TimeSpan.FromSeconds(10),
                TimeSpan.FromSeconds(_settings.Quick ? 20 : 60));
            WatchResult result = await new WatchFanOut(settings).RunAsync(client, writer, Ns($"watch-{tag}"), ct);
            _watches.Add(new WatchCaseResult(client.Format.Name(), role, result));
            if (result.Error is not null)
            {
                _notes.Add($"watch {tag}: {result.Error}");
            }
            Progress($"  {result.Delivered:N0}/{result.Expected:N0} events, {result.EventsPerSecond:N0} events/s, all delivered p50 {result.AllDelivered.P50:0.0} ms p99 {result.AllDelivered.P99:0.0} ms");
        }
    }

    private async Task LoopAsync(string name, ApiClient client, string role, int clients, ClosedLoop.Operation op, CancellationToken ct)
    {
        LoopResult loop = await ClosedLoop.RunAsync(clients, _settings.Warmup, _settings.CaseDuration, _settings.MaxOps, op, ct);
        var result = CaseResult.From(name, client.Format, role, clients, loop);
        _cases.Add(result);
        Progress($"{name} {client.Format.Name()} {role} c={clients}: {result.OpsPerSecond:N0} req/s, p50 {result.Latency.P50:0.00} ms, p99 {result.Latency.P99:0.00} ms, errors {result.Errors}");
        if (result.FirstError is not null)
        {
            _notes.Add($"{name} {client.Format.Name()} {role} c={clients}: {result.Errors} errors, first: {result.FirstError}");
        }
    }

    /// <summary>
    /// Untimed: every enabled request kind in every format on both replicas, 8 clients, before any case, so that
    /// the first case measured does not pay alone for the JIT compiling the server's and the client's paths.
    /// </summary>
    private async Task WarmUpAsync(Replica leader, Replica? follower, CancellationToken ct)
    {
        int ops = _settings.Warmup * 3;
        if (ops == 0)
        {
            return;
        }
        Progress($"warm-up: {ops} untimed requests of each kind, format and replica");
        foreach (WireFormat format in _settings.Formats)
        {
            foreach (Replica replica in new[] { leader, follower }.OfType<Replica>())
            {
                var client = new ApiClient(_http, replica.ApiUrl, format);
                string ns = Ns($"warmup-{format.Name()}-{replica.Name}");
                await ClosedLoop.RunAsync(8, ops, TimeSpan.Zero, 0, async (seq, c) =>
                {
                    if (_settings.Cases.Contains("create"))
                    {
                        await client.CreateAsync(ns, ConfigMaps.New(Name(seq), _settings.ValueSize, seq), c);
                    }
                    if (_settings.Cases.Contains("get"))
                    {
                        await client.GetAsync(Ns("get"), GetName, c);
                    }
                    if (_settings.Cases.Contains("list") && seq % 20 == 0)
                    {
                        await client.ListAsync(Ns("list"), c);
                    }
                    return null;
                }, ct);
            }
        }
    }

    /// <summary>Every namespace the cases write in (the API refuses objects in a namespace that does not exist).</summary>
    private async Task CreateNamespacesAsync(Replica leader, Replica? follower, CancellationToken ct)
    {
        var names = new List<string> { Ns("get"), Ns("list") };
        foreach (WireFormat format in _settings.Formats)
        {
            names.AddRange(new[] { leader, follower }.OfType<Replica>().Select(r => Ns($"warmup-{format.Name()}-{r.Name}")));
            foreach (string role in _settings.Targets)
            {
                string tag = $"{format.Name()}-{role}";
                names.Add(Ns($"watch-{tag}"));
                names.AddRange(_settings.CreateClients.Select(clients => Ns($"create-{tag}-c{clients}")));
            }
        }
        foreach (string name in names.Distinct())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(leader.ApiUrl, "/api/v1/namespaces"))
            {
                Content = new StringContent($"{{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{{\"name\":\"{name}\"}}}}", System.Text.Encoding.UTF8, "application/json"),
            };
            using HttpResponseMessage response = await _http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                throw new InvalidOperationException($"creating namespace {name} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        }
    }

    /// <summary>The object every get reads and the namespace every list reads, written once through the leader.</summary>
    private async Task SeedAsync(Replica leader, CancellationToken ct)
    {
        var seeder = new ApiClient(_http, leader.ApiUrl, WireFormat.MessagePack);
        if (_settings.Cases.Contains("get"))
        {
            Reply<ConfigMap> created = await seeder.CreateAsync(Ns("get"), ConfigMaps.New(GetName, _settings.ValueSize, 0), ct);
            if (!created.Ok)
            {
                throw new InvalidOperationException($"seeding the object to get failed: {created.Error}");
            }
        }
        if (_settings.Cases.Contains("list"))
        {
            Progress($"seeding {_settings.ListObjects:N0} configmaps to list");
            long next = -1;
            string? error = null;
            await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
            {
                long seq;
                while ((seq = Interlocked.Increment(ref next)) < _settings.ListObjects && error is null)
                {
                    Reply<ConfigMap> created = await seeder.CreateAsync(Ns("list"), ConfigMaps.New(Name(seq), _settings.ValueSize, seq), ct);
                    if (!created.Ok)
                    {
                        Interlocked.CompareExchange(ref error, created.Error, null);
                    }
                }
            }));
            if (error is not null)
            {
                throw new InvalidOperationException($"seeding the list failed: {error}");
            }
        }
    }

    private static string Name(long seq) => string.Create(CultureInfo.InvariantCulture, $"cm-{seq:D8}");
}
