using RaftOrchestrator.BenchHarness.Pods;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.E2EBench;

/// <summary>
/// The benchmark's one pods watch (its namespace, MessagePack, read raw by <see cref="PodFrameReader"/>), every
/// event handed to the tracker with the time it was read. A stream that ends or breaks is reopened from the last
/// revision seen (at most <see cref="MaxReopens"/> times, 500 ms apart); an ERROR event (410 Gone) is followed by a
/// list through the client, whose pods go to the tracker, and a watch from the list's revision. Runs until cancelled.
/// </summary>
internal sealed class PodWatch(HttpClient http, Uri apiUrl, IClusterClient client, string @namespace, PodTracker tracker, Action<string> note)
{
    public const int MaxReopens = 50;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first watch request has been answered 200.</summary>
    public Task Connected => _connected.Task;

    public int Reopens { get; private set; }

    public async Task RunAsync(long fromRevision, CancellationToken ct)
    {
        long revision = fromRevision;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                (long last, bool expired) = await WatchOnceAsync(revision, ct);
                revision = Math.Max(revision, last);
                if (++Reopens > MaxReopens)
                {
                    note($"the pods watch ended {MaxReopens} times; gave up (figures after that are missing)");
                    return;
                }
                if (expired)
                {
                    note($"the pods watch expired (410) at revision {revision}: re-listed; pods first seen in the list carry the list's time");
                    revision = await RelistAsync(ct) ?? revision;
                }
                await Task.Delay(500, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the end of the run
        }
    }

    private async Task<(long Last, bool Expired)> WatchOnceAsync(long revision, CancellationToken ct)
    {
        string query = string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/namespaces/{@namespace}/pods?watch=true&allowWatchBookmarks=true&timeoutSeconds=3600&resourceVersion={revision}");
        long last = revision;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(apiUrl, query));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(WireFormats.MessagePackMediaType));
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                note($"the pods watch was answered {(int)response.StatusCode}");
                return (last, response.StatusCode == HttpStatusCode.Gone);
            }
            _connected.TrySetResult();
            await using Stream stream = await response.Content.ReadAsStreamAsync(ct);
            PipeReader pipe = PipeReader.Create(stream);
            while (true)
            {
                ReadResult read = await pipe.ReadAsync(ct);
                ReadOnlySequence<byte> buffer = read.Buffer;
                long now = Stopwatch.GetTimestamp();
                while (WatchFrames.TryTakeMessagePack(ref buffer, out ReadOnlySequence<byte> frame))
                {
                    if (PodFrameReader.Read(frame) is not { } pod)
                    {
                        continue;
                    }
                    if (pod.Type == "ERROR")
                    {
                        await pipe.CompleteAsync();
                        return (last, true);
                    }
                    last = Math.Max(last, pod.Revision);
                    tracker.Observe(pod, now);
                }
                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted)
                {
                    await pipe.CompleteAsync();
                    return (last, false);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            note($"the pods watch broke: {e.Message}");
            return (last, false);
        }
    }

    /// <summary>Lists the namespace's pods (pages of 1,000) into the tracker; the list's revision, or null when the list failed.</summary>
    private async Task<long?> RelistAsync(CancellationToken ct)
    {
        string? token = null;
        while (true)
        {
            ApiResult<ObjectList<Pod>> page = await client.Resource<Pod>().ListAsync(@namespace, new ListRequest { Limit = 1_000, Continue = token }, ct);
            if (!page.IsOk)
            {
                note($"re-list of pods failed: {page}");
                return null;
            }
            long now = Stopwatch.GetTimestamp();
            foreach (Pod pod in page.Value.Items)
            {
                bool ready = pod.Status.Conditions?.Find(c => c.Type == "Ready")?.Status == "True";
                tracker.Observe(new PodFrame("LISTED", 0, pod.Metadata.Namespace, pod.Metadata.Name, string.IsNullOrEmpty(pod.Spec.NodeName) ? null : pod.Spec.NodeName, pod.Status.Phase, ready), now);
            }
            token = page.Value.Metadata.Continue;
            if (string.IsNullOrEmpty(token))
            {
                return long.TryParse(page.Value.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out long rv) ? rv : null;
            }
        }
    }
}
