using RaftOrchestrator.BenchHarness.Pods;
using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// One MessagePack watch of pods (cluster-wide, optionally field-selected) that hands every event to a callback
/// on its one reader task. A stream that ends or breaks is reopened from the last resourceVersion seen (at most
/// <see cref="MaxReopens"/> times, 500 ms apart); an ERROR event (410 Expired) is followed by a re-list, whose
/// pods are handed over as <see cref="PodEvent.Listed"/> events, and a watch from the list's revision. Runs until cancelled.
/// </summary>
internal sealed class PodWatch(KubeCalls api, string fieldSelector, Action<PodEvent> onEvent, Action<string> note)
{
    public const int MaxReopens = 20;
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first watch request has been answered 200 (its events are flowing).</summary>
    public Task Connected => _connected.Task;

    public int Reopens { get; private set; }

    public async Task RunAsync(long fromRevision, CancellationToken ct)
    {
        try
        {
            await WatchAsync(fromRevision, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the end of the case
        }
    }

    private async Task WatchAsync(long fromRevision, CancellationToken ct)
    {
        long revision = fromRevision;
        while (!ct.IsCancellationRequested)
        {
            (long last, bool expired) = await WatchOnceAsync(revision, ct);
            revision = Math.Max(revision, last);
            if (ct.IsCancellationRequested)
            {
                return;
            }
            if (++Reopens > MaxReopens)
            {
                note($"the pod watch{Describe()} ended {MaxReopens} times; gave up (figures after that are missing)");
                return;
            }
            if (expired)
            {
                note($"the pod watch{Describe()} expired (410) at revision {revision}: re-listed, the bind times of pods found bound by the list are the list's time");
                revision = await RelistAsync(ct) ?? revision;
            }
            await Task.Delay(500, ct);
        }
    }

    private string Describe() => fieldSelector.Length == 0 ? "" : $" ({fieldSelector})";

    private async Task<(long Last, bool Expired)> WatchOnceAsync(long revision, CancellationToken ct)
    {
        string query = string.Create(CultureInfo.InvariantCulture, $"/api/v1/pods?watch=true&allowWatchBookmarks=true&timeoutSeconds=3600&resourceVersion={revision}")
            + (fieldSelector.Length == 0 ? "" : "&fieldSelector=" + Uri.EscapeDataString(fieldSelector));
        long last = revision;
        try
        {
            using HttpResponseMessage response = await api.OpenWatchAsync(query, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                note($"the pod watch{Describe()} was answered {(int)response.StatusCode}");
                return (last, response.StatusCode == HttpStatusCode.Gone);
            }
            _connected.TrySetResult();
            await using Stream stream = await response.Content.ReadAsStreamAsync(ct);
            PipeReader pipe = PipeReader.Create(stream);
            while (true)
            {
                ReadResult read = await pipe.ReadAsync(ct);
                ReadOnlySequence<byte> buffer = read.Buffer;
                while (WatchFrames.TryTakeMessagePack(ref buffer, out ReadOnlySequence<byte> frame))
                {
                    if (PodFrameReader.Read(frame) is not { } f)
                    {
                        continue;
                    }
                    var e = new PodEvent(f.Type, f.Revision, f.Namespace, f.Name, f.NodeName);
                    if (e.Type == "ERROR")
                    {
                        await pipe.CompleteAsync();
                        return (last, true);
                    }
                    last = Math.Max(last, e.ResourceVersion);
                    onEvent(e);
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
            note($"the pod watch{Describe()} broke: {e.Message}");
            return (last, false);
        }
    }

    /// <summary>Lists every pod (pages of 1,000) into the callback; the list's revision, or null when the list failed.</summary>
    private async Task<long?> RelistAsync(CancellationToken ct)
    {
        string? token = null;
        long? revision = null;
        for (int page = 0; page < 10_000; page++)
        {
            (Api.Meta.ObjectList<Api.Core.Pod>? list, string? error) = await api.ListPodsAsync(token, 1_000, ct);
            if (list is null)
            {
                note($"re-list of pods failed: {error}");
                return revision;
            }
            revision ??= long.TryParse(list.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out long rv) ? rv : null;
            foreach (Api.Core.Pod pod in list.Items)
            {
                onEvent(new PodEvent(PodEvent.Listed, revision ?? 0, pod.Metadata.Namespace, pod.Metadata.Name, string.IsNullOrEmpty(pod.Spec.NodeName) ? null : pod.Spec.NodeName));
            }
            token = list.Metadata.Continue;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }
        return revision;
    }
}
