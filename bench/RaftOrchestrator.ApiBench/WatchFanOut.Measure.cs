using System.Diagnostics;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.ApiBench;

internal sealed partial class WatchFanOut
{
    /// <summary>Sends the K updates one by one and turns the arrival times into the result.</summary>
    private async Task<WatchResult> UpdateAndMeasureAsync(ApiClient writer, string ns, ConfigMap current, double setupSeconds,
        CancellationToken ct)
    {
        int sentCount = 0, timedOut = 0;
        string? error = null;
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (long)(_settings.MaxDuration.TotalSeconds * Stopwatch.Frequency);
        for (int u = 0; u < _settings.Updates && Stopwatch.GetTimestamp() < deadline; u++)
        {
            ConfigMap next = ConfigMaps.New(ObjectName, _settings.ValueSize, u);
            next.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            _sent[u] = Stopwatch.GetTimestamp();
            Reply<ConfigMap> updated = await writer.UpdateAsync(ns, next, ct);
            if (!updated.Ok)
            {
                error = $"update {u}: {updated.Error}";
                break;
            }
            current = updated.Value!;
            sentCount++;
            try
            {
                await _allDelivered[u].Task.WaitAsync(_settings.UpdateTimeout, ct);
            }
            catch (TimeoutException)
            {
                timedOut++;
            }
        }
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var allDelivered = new List<double>(sentCount);
        var perEvent = new List<double>(sentCount * _settings.Watchers);
        long delivered = 0;
        for (int u = 0; u < sentCount; u++)
        {
            long last = 0;
            for (int w = 0; w < _settings.Watchers; w++)
            {
                long arrival = Volatile.Read(ref _arrivals[(long)u * _settings.Watchers + w]);
                if (arrival == 0)
                {
                    continue;
                }
                delivered++;
                perEvent.Add(Millis(arrival - _sent[u]));
                last = Math.Max(last, arrival);
            }
            if (Volatile.Read(ref _pending[u]) == 0)
            {
                allDelivered.Add(Millis(last - _sent[u]));
            }
        }
        return new WatchResult(_settings.Watchers, _settings.Updates, sentCount, delivered, (long)sentCount * _settings.Watchers,
            timedOut, Volatile.Read(ref _foreign), setupSeconds, seconds, seconds > 0 ? delivered / seconds : 0,
            LatencySummary.Of(allDelivered), LatencySummary.Of(perEvent), error);
    }

    private static double Millis(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
