using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;

namespace RaftOrchestrator.BenchHarness.Pods;

/// <summary>
/// A benchmark's raw MessagePack pods watch kept open for a run. <see cref="RunAsync"/> is the one reader task:
/// <c>onFrame</c> (every frame but ERROR, with the timestamp of the socket read that brought it) and <c>relist</c>
/// run only on it, one at a time, so what they update needs no lock against the watch.
/// A stream that ends, breaks or is refused is reopened from the highest revision seen, 500 ms later, at most
/// <c>maxReopens</c> times; then the loop ends and what happens after is missing from the figures. Events of a
/// reopen's gap are not lost (the watch resumes from the revision), but are stamped when read, late by the gap.
/// An ERROR event or a 410 (the revision compacted away) is followed by <c>relist</c>, which hands the listed pods
/// over itself and answers the list's revision to watch from (null: keep the old one). Changes inside the gap are
/// seen only as the list's state at the list's time; <c>relistMeaning</c> says in the note what that does to the figures.
/// <c>name</c> (e.g. "the pods watch") starts every note of the loop.
/// </summary>
public sealed class PodWatchLoop(
    string name,
    int maxReopens,
    string relistMeaning,
    Func<long, CancellationToken, Task<HttpResponseMessage>> open,
    Func<CancellationToken, Task<long?>> relist,
    Action<PodFrame, long> onFrame,
    Action<string> note)
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first watch request has been answered 200 (its events are flowing).</summary>
    public Task Connected => _connected.Task;

    /// <summary>How many times a stream ended (the last, past <c>maxReopens</c>, not reopened).</summary>
    public int Reopens { get; private set; }

    /// <summary>The path and query of a pods watch from a revision: one namespace's (null: all), field-selected unless empty.</summary>
    public static string WatchPath(string? @namespace, string fieldSelector, long revision) =>
        string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/{(@namespace is null ? "" : $"namespaces/{@namespace}/")}pods?watch=true&allowWatchBookmarks=true&timeoutSeconds=3600&resourceVersion={revision}")
        + (fieldSelector.Length == 0 ? "" : "&fieldSelector=" + Uri.EscapeDataString(fieldSelector));

    /// <summary>Watches from <paramref name="fromRevision"/> until cancelled or given up; cancellation ends it quietly.</summary>
    public async Task RunAsync(long fromRevision, CancellationToken ct)
    {
        long revision = fromRevision;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                (long last, bool expired) = await WatchOnceAsync(revision, ct);
                revision = Math.Max(revision, last);
                if (ct.IsCancellationRequested)
                {
                    return;
                }
                if (++Reopens > maxReopens)
                {
                    note($"{name} ended {maxReopens} times; gave up (figures after that are missing)");
                    return;
                }
                if (expired)
                {
                    note($"{name} expired (410) at revision {revision}: re-listed; {relistMeaning}");
                    revision = await relist(ct) ?? revision;
                }
                await Task.Delay(500, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the end of the run
        }
    }

    /// <summary>One stream, to its end: the highest revision seen and whether it ended expired (ERROR or 410).</summary>
    private async Task<(long Last, bool Expired)> WatchOnceAsync(long revision, CancellationToken ct)
    {
        long last = revision;
        try
        {
            using HttpResponseMessage response = await open(revision, ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                note($"{name} was answered {(int)response.StatusCode}");
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
                    onFrame(pod, now);
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
            note($"{name} broke: {e.Message}");
            return (last, false);
        }
    }
}
