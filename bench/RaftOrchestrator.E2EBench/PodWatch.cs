using RaftOrchestrator.BenchHarness.Pods;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.E2EBench;

/// <summary>
/// The benchmark's one pods watch (its namespace) on a <see cref="PodWatchLoop"/>: every event goes to the tracker
/// with the time it was read; after a 410 the namespace is listed through the client and its pods go to the tracker
/// with the list's time (as LISTED), on the loop's reader task as well. Runs until cancelled.
/// </summary>
internal sealed class PodWatch
{
    public const int MaxReopens = 50;
    private readonly HttpClient _http;
    private readonly Uri _apiUrl;
    private readonly IClusterClient _client;
    private readonly string _namespace;
    private readonly PodTracker _tracker;
    private readonly Action<string> _note;
    private readonly PodWatchLoop _loop;

    public PodWatch(HttpClient http, Uri apiUrl, IClusterClient client, string @namespace, PodTracker tracker, Action<string> note)
    {
        (_http, _apiUrl, _client, _namespace, _tracker, _note) = (http, apiUrl, client, @namespace, tracker, note);
        _loop = new PodWatchLoop("the pods watch", MaxReopens, "pods first seen in the list carry the list's time",
            OpenAsync, RelistAsync, (pod, now) => tracker.Observe(pod, now), note);
    }

    /// <summary>Completes when the first watch request has been answered 200.</summary>
    public Task Connected => _loop.Connected;

    public Task RunAsync(long fromRevision, CancellationToken ct) => _loop.RunAsync(fromRevision, ct);

    private async Task<HttpResponseMessage> OpenAsync(long revision, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_apiUrl, PodWatchLoop.WatchPath(_namespace, "", revision)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(WireFormats.MessagePackMediaType));
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    /// <summary>Lists the namespace's pods (pages of 1,000) into the tracker; the list's revision, or null when the list failed.</summary>
    private async Task<long?> RelistAsync(CancellationToken ct)
    {
        string? token = null;
        while (true)
        {
            ApiResult<ObjectList<Pod>> page = await _client.Resource<Pod>().ListAsync(_namespace, new ListRequest { Limit = 1_000, Continue = token }, ct);
            if (!page.IsOk)
            {
                _note($"re-list of pods failed: {page}");
                return null;
            }
            long now = Stopwatch.GetTimestamp();
            foreach (Pod pod in page.Value.Items)
            {
                bool ready = pod.Status.Conditions?.Find(c => c.Type == "Ready")?.Status == "True";
                _tracker.Observe(new PodFrame("LISTED", 0, pod.Metadata.Namespace, pod.Metadata.Name, string.IsNullOrEmpty(pod.Spec.NodeName) ? null : pod.Spec.NodeName, pod.Status.Phase, ready), now);
            }
            token = page.Value.Metadata.Continue;
            if (string.IsNullOrEmpty(token))
            {
                return long.TryParse(page.Value.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out long rv) ? rv : null;
            }
        }
    }
}
