using System.Diagnostics;
using System.Globalization;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.ApiBench;

/// <summary>
/// Watch fan-out: W watchers of the ConfigMaps of one namespace on the target replica, then K updates of one
/// object, one at a time, each sent (to the writer replica) only after every watcher has received the previous
/// one or <see cref="WatchSettings.UpdateTimeout"/> has passed. For each update: the time from sending it until
/// the last watcher has decoded it ("all delivered"), and for each (watcher, update) pair the time until that
/// watcher decoded it. Events/s is all events delivered over the wall time of the K updates.
/// </summary>
internal sealed partial class WatchFanOut
{
    private const string ObjectName = "watched";

    private readonly WatchSettings _settings;
    private readonly long[] _sent;
    /// <summary>Arrival timestamp of update u at watcher w, at [u * W + w]; 0 until it arrives.</summary>
    private readonly long[] _arrivals;
    private readonly int[] _pending;
    private readonly TaskCompletionSource[] _allDelivered;
    private int _foreign;

    public WatchFanOut(WatchSettings settings)
    {
        _settings = settings;
        _sent = new long[settings.Updates];
        _arrivals = new long[(long)settings.Updates * settings.Watchers];
        _pending = Enumerable.Repeat(settings.Watchers, settings.Updates).ToArray();
        _allDelivered = [.. Enumerable.Range(0, settings.Updates).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
    }

    public async Task<WatchResult> RunAsync(ApiClient watchTarget, ApiClient writer, string ns, CancellationToken ct)
    {
        Reply<ConfigMap> created = await writer.CreateAsync(ns, ConfigMaps.New(ObjectName, _settings.ValueSize, -1), ct);
        if (!created.Ok)
        {
            return WatchResult.Failed(_settings, $"create of the watched object: {created.Error}");
        }
        string fromRevision = created.Value!.Metadata.ResourceVersion!;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long setupStart = Stopwatch.GetTimestamp();
        var readers = new Task[_settings.Watchers];
        var responses = new HttpResponseMessage?[_settings.Watchers];
        string? openError = null;
        using (var opening = new SemaphoreSlim(_settings.OpenConcurrency))
        {
            await Task.WhenAll(Enumerable.Range(0, _settings.Watchers).Select(async w =>
            {
                await opening.WaitAsync(ct);
                try
                {
                    (responses[w], string? error) = await OpenAsync(watchTarget, ns, fromRevision, ct);
                    readers[w] = responses[w] is { } response ? ReadAsync(w, response, watchTarget.Format, stop.Token) : Task.CompletedTask;
                    if (error is not null)
                    {
                        Interlocked.CompareExchange(ref openError, error, null);
                    }
                }
                finally
                {
                    opening.Release();
                }
            }));
        }
        double setupSeconds = Stopwatch.GetElapsedTime(setupStart).TotalSeconds;
        int opened = responses.Count(r => r is not null);
        try
        {
            if (openError is not null)
            {
                return WatchResult.Failed(_settings, $"{_settings.Watchers - opened} watches did not open: {openError}");
            }
            return await UpdateAndMeasureAsync(writer, ns, created.Value, setupSeconds, ct);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (HttpResponseMessage? response in responses)
            {
                response?.Dispose();
            }
            await Task.WhenAll(readers.Where(r => r is not null)).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None)
                .ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private static async Task<(HttpResponseMessage?, string?)> OpenAsync(ApiClient target, string ns, string fromRevision, CancellationToken ct)
    {
        string path = string.Create(CultureInfo.InvariantCulture,
            $"{ApiClient.CollectionPath(ns)}?watch=true&resourceVersion={fromRevision}&timeoutSeconds=600");
        try
        {
            using HttpRequestMessage request = target.NewRequest(HttpMethod.Get, path);
            HttpResponseMessage response = await target.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.IsSuccessStatusCode)
            {
                return (response, null);
            }
            string body = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            return (null, $"{(int)response.StatusCode} {body}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"transport: {e.Message}");
        }
    }

    private async Task ReadAsync(int watcher, HttpResponseMessage response, WireFormat format, CancellationToken ct)
    {
        try
        {
            Stream stream = await response.Content.ReadAsStreamAsync(ct);
            await WatchStreams.ReadAsync(format, stream, value => Arrived(watcher, value), ct);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // the run is over (or the stream broke: the missing events show in the result)
        }
    }

    private void Arrived(int watcher, ConfigMap? value)
    {
        long now = Stopwatch.GetTimestamp();
        long seq = ConfigMaps.SeqOf(value);
        if (seq < 0 || seq >= _settings.Updates)
        {
            return;   // the watched object's creation, bookmarks
        }
        int update = (int)seq;
        if (Interlocked.CompareExchange(ref _arrivals[(long)update * _settings.Watchers + watcher], now, 0) != 0)
        {
            Interlocked.Increment(ref _foreign);   // a repeated event
            return;
        }
        if (Interlocked.Decrement(ref _pending[update]) == 0)
        {
            _allDelivered[update].TrySetResult();
        }
    }
}
