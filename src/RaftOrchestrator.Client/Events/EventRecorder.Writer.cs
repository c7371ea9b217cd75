using System.Buffers;
using System.Globalization;
using System.Text.Json;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Client.Events;

public sealed partial class EventRecorder
{
    /// <summary>The one consumer of the queue: correlates and writes in order, until the queue is completed and drained.</summary>
    private async Task WriteLoopAsync(CancellationToken abort)
    {
        try
        {
            await foreach (Event value in _queue.Reader.ReadAllAsync(abort))
            {
                if (_correlator.Correlate(value) is not { } correlated)
                {
                    EventsLog.Filtered(_logger, value.Reason ?? "", value.InvolvedObject.Name ?? "");
                    continue;
                }
                await WriteWithRetriesAsync(correlated, abort);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
        }
    }

    private async Task WriteWithRetriesAsync(CorrelatedEvent correlated, CancellationToken abort)
    {
        Event value = correlated.Event;
        for (int tries = 1; ; tries++)
        {
            ApiResult<Event> result;
            try
            {
                result = await WriteOnceAsync(correlated, abort);
            }
#pragma warning disable CA1031 // A broken client fails this event, not the recorder; the next event may succeed.
            catch (Exception exception) when (exception is not OperationCanceledException || !abort.IsCancellationRequested)
#pragma warning restore CA1031
            {
                EventsLog.WriteFailed(_logger, exception, value.Reason ?? "", value.Metadata.Namespace ?? "", value.Metadata.Name ?? "");
                return;
            }
            if (result.IsOk)
            {
                _correlator.Written(correlated.Key, result.Value);
                return;
            }
            // An API error (already exists, invalid, forbidden in a terminating namespace) will not change on retry.
            if (!result.IsTransient || tries >= _options.MaxTries)
            {
                EventsLog.WriteAbandoned(_logger, value.Reason ?? "", value.Metadata.Namespace ?? "", value.Metadata.Name ?? "", tries, result.Code, result.Error.Message ?? "");
                return;
            }
            TimeSpan wait = tries == 1 ? _options.RetryInterval * _jitter.NextDouble() : _options.RetryInterval;
            try
            {
                await Task.Delay(wait, _time, _draining.Token);
            }
            catch (OperationCanceledException) when (_draining.IsCancellationRequested)
            {
                EventsLog.WriteAbandoned(_logger, value.Reason ?? "", value.Metadata.Namespace ?? "", value.Metadata.Name ?? "", tries, result.Code, "shutting down");
                return;
            }
        }
    }

    /// <summary>Patches a repeat (client-go: count, lastTimestamp, message), or creates; a repeat whose Event is gone is created again.</summary>
    private async Task<ApiResult<Event>> WriteOnceAsync(CorrelatedEvent correlated, CancellationToken abort)
    {
        Event value = correlated.Event;
        if (correlated.IsUpdate)
        {
            ApiResult<Event> patched = await _events.PatchAsync(
                value.Metadata.Namespace, value.Metadata.Name ?? "", RepeatPatch(value), cancellationToken: abort);
            if (!patched.IsNotFound)
            {
                return patched;
            }
        }
        value.Metadata.ResourceVersion = null;
        return await _events.CreateAsync(value, cancellationToken: abort);
    }

    private static Patch RepeatPatch(Event value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("count", value.Count ?? 1);
            if (value.LastTimestamp is { } last)
            {
                // metav1.Time: RFC 3339 in whole seconds.
                json.WriteString("lastTimestamp", last.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }
            json.WriteString("message", value.Message ?? "");
            json.WriteEndObject();
        }
        return new Patch(PatchType.Merge, buffer.WrittenMemory.ToArray());
    }
}
