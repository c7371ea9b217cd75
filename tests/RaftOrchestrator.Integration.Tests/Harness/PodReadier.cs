using System.Globalization;
using System.Text.Json.Nodes;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// Plays the node agent for tests that need Ready pods before agents exist: every 200 ms it lists the pods of one
/// namespace through any live member and marks each pod that is not yet Ready as Running and Ready through the
/// status subresource (a merge patch, as a kubelet's status manager writes). Stopped by disposing it; all traffic is
/// plain HTTP to 127.0.0.1.
/// </summary>
internal sealed class PodReadier : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _readied;

    public PodReadier(IReadOnlyList<ProcessMember> members, string ns)
    {
        _loop = Task.Run(() => RunAsync(members, ns, _stop.Token));
    }

    /// <summary>How many pods it has marked Ready so far.</summary>
    public int Readied => Volatile.Read(ref _readied);

    private async Task RunAsync(IReadOnlyList<ProcessMember> members, string ns, CancellationToken ct)
    {
        int next = 0;
        while (!ct.IsCancellationRequested)
        {
            ProcessMember member = members[next++ % members.Count];
            if (member.IsRunning)
            {
                try
                {
                    using var api = new RawApi(member.ApiUrl);
                    await ReadyAllAsync(api, ns);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    // that member is going or gone: the next round tries another
                }
            }
            try
            {
                await Task.Delay(200, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReadyAllAsync(RawApi api, string ns)
    {
        RawReply list = await api.SendAsync("GET", $"/api/v1/namespaces/{ns}/pods");
        if (list.Code != 200)
        {
            return;
        }
        var items = JsonNode.Parse(list.Body)?["items"]?.AsArray() ?? [];
        int ip = 10;
        foreach (JsonNode? pod in items)
        {
            ip++;
            string name = pod!["metadata"]!["name"]!.GetValue<string>();
            bool terminating = pod["metadata"]!["deletionTimestamp"] is not null;
            bool ready = pod["status"]?["conditions"]?.AsArray().Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True") == true;
            if (terminating || ready)
            {
                continue;
            }
            string now = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            string patch = $$$"""
                {"status":{"phase":"Running","podIP":"10.244.0.{{{ip % 250}}}","hostIP":"127.0.0.1","startTime":"{{{now}}}",
                 "conditions":[{"type":"Ready","status":"True","lastTransitionTime":"{{{now}}}"},{"type":"ContainersReady","status":"True","lastTransitionTime":"{{{now}}}"}]}}
                """;
            RawReply patched = await api.SendAsync("PATCH", $"/api/v1/namespaces/{ns}/pods/{name}/status", "application/merge-patch+json", patch);
            if (patched.Code == 200)
            {
                Interlocked.Increment(ref _readied);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
