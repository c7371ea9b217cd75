using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Events;

/// <summary>
/// client-go's EventCorrelator, in its order: aggregate (similar events of one object, type and reason with many
/// distinct messages become one combined event), de-duplicate (the same event within the window counts up the Event
/// already written), then spam-filter (a token bucket per source and object; the occurrence still counts, so the next
/// write that passes carries the full count). Time is the occurrence time the recorder stamped on the event.
/// Not thread-safe: the recorder's writer loop owns it.
/// </summary>
internal sealed class EventCorrelator
{
    public const string CombinedPrefix = "(combined from similar events): ";

    private readonly EventRecorderOptions _options;
    private readonly EventNames _names;
    private readonly LruCache<AggregateKey, AggregateRecord> _groups;
    private readonly LruCache<CorrelationKey, EventLog> _seen;
    private readonly LruCache<SourceObjectKey, TokenBucket> _spam;

    public EventCorrelator(EventRecorderOptions options, EventNames names)
    {
        _options = options;
        _names = names;
        _groups = new LruCache<AggregateKey, AggregateRecord>(options.CacheSize);
        _seen = new LruCache<CorrelationKey, EventLog>(options.CacheSize);
        _spam = new LruCache<SourceObjectKey, TokenBucket>(options.CacheSize);
    }

    /// <summary>What to write for <paramref name="value"/> (which it may change), or null when the spam filter drops it.</summary>
    public CorrelatedEvent? Correlate(Event value)
    {
        DateTime now = value.LastTimestamp ?? value.FirstTimestamp ?? DateTime.UnixEpoch;
        ObjectReference involved = value.InvolvedObject;
        var source = new SourceObjectKey(
            value.Source?.Component ?? "", value.Source?.Host ?? "", involved.Kind ?? "", involved.Namespace ?? "",
            involved.Name ?? "", involved.Uid ?? "", involved.ApiVersion ?? "");
        var group = new AggregateKey(source, value.Type ?? "", value.Reason ?? "");
        (Event candidate, CorrelationKey key) = Aggregate(value, group, now);
        bool isUpdate = Observe(candidate, key, now);
        return Allow(source, now) ? new CorrelatedEvent(candidate, key, isUpdate) : null;
    }

    /// <summary>Remembers the server's name, resourceVersion and first time of a written Event.</summary>
    public void Written(CorrelationKey key, Event written)
    {
        if (_seen.TryGet(key, out EventLog? log))
        {
            _seen.Set(key, log with
            {
                Name = written.Metadata.Name ?? log.Name,
                ResourceVersion = written.Metadata.ResourceVersion,
                FirstTimestamp = written.FirstTimestamp ?? log.FirstTimestamp,
            });
        }
    }

    private (Event, CorrelationKey) Aggregate(Event value, AggregateKey group, DateTime now)
    {
        if (!_groups.TryGet(group, out AggregateRecord? record) || now - record.Last > _options.AggregationInterval)
        {
            record = new AggregateRecord();
        }
        record.Last = now;
        _groups.Set(group, record);
        string message = value.Message ?? "";
        if (!record.Combining)
        {
            record.Messages.Add(message);
            if (record.Messages.Count < _options.AggregateMaxEvents)
            {
                return (value, new CorrelationKey(group, message));
            }
            record.Combining = true;
            record.Messages.Clear();
        }
        var combined = new Event
        {
            ApiVersion = value.ApiVersion,
            Kind = value.Kind,
            Metadata = new ObjectMeta
            {
                Name = _names.Next(value.InvolvedObject.Name ?? "", now),
                Namespace = value.Metadata.Namespace,
            },
            InvolvedObject = value.InvolvedObject,
            Reason = value.Reason,
            Message = CombinedPrefix + message,
            Source = value.Source,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
            Type = value.Type,
            ReportingComponent = value.ReportingComponent,
            ReportingInstance = value.ReportingInstance,
        };
        return (combined, new CorrelationKey(group, null));
    }

    /// <summary>True when the event repeats one written within the window; it then names that Event with the next count.</summary>
    private bool Observe(Event value, CorrelationKey key, DateTime now)
    {
        bool isUpdate = false;
        if (_seen.TryGet(key, out EventLog? log) && now - log.LastSeen <= _options.AggregationInterval)
        {
            value.Metadata.Name = log.Name;
            value.Metadata.ResourceVersion = log.ResourceVersion;
            value.FirstTimestamp = log.FirstTimestamp;
            value.Count = log.Count + 1;
            isUpdate = true;
        }
        _seen.Set(key, new EventLog(
            value.Metadata.Name ?? "", value.Metadata.ResourceVersion, value.Count ?? 1, value.FirstTimestamp, now));
        return isUpdate;
    }

    private bool Allow(SourceObjectKey source, DateTime now)
    {
        if (!_spam.TryGet(source, out TokenBucket? bucket))
        {
            bucket = new TokenBucket(_options.SpamBurst, _options.SpamRefillInterval, now);
        }
        _spam.Set(source, bucket);
        return bucket.TryTake(now);
    }
}
