using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Events;

/// <summary>
/// client-go's event recorder and sink: <see cref="Record"/> builds the Event and queues it without waiting (a
/// bounded queue; when it is full the event is dropped and counted in <see cref="Dropped"/>), and one background
/// writer correlates (<see cref="EventCorrelator"/>) and writes, creating new Events and patching the count of
/// repeated ones. Events about cluster-scoped objects go to the "default" namespace, as Kubernetes puts them.
/// </summary>
/// <remarks>
/// Events are best effort, as in Kubernetes: a write that fails with an API error (a 4xx) is abandoned; one that
/// fails because the server is unreachable or overloaded is retried up to MaxTries times, RetryInterval apart.
/// Record may be called from any thread; disposal writes what is queued (one attempt each, no retry waits) within
/// ShutdownTimeout, then abandons the rest.
/// </remarks>
public sealed partial class EventRecorder : IEventRecorder, IAsyncDisposable
{
    private readonly IResourceClient<Event> _events;
    private readonly EventRecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Event> _queue;
    private readonly EventNames _names = new();
    private readonly EventCorrelator _correlator;
    private readonly Random _jitter;
    // Cancelled at disposal: retry waits end at once. _abort also cancels calls in flight, after ShutdownTimeout.
    private readonly CancellationTokenSource _draining = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _writer;
    private long _dropped;
    private int _disposed;

    public EventRecorder(IClusterClient client, EventRecorderOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Component);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTries, 1);
        _events = client.Resource<Event>();
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<Event>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _correlator = new EventCorrelator(options, _names);
        _jitter = new Random(options.RandomSeed);
        _writer = Task.Run(() => WriteLoopAsync(_abort.Token));
    }

    /// <summary>Events not queued because the queue was full or the recorder disposed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Record(IKubernetesObject involved, string type, string reason, string message)
    {
        ArgumentNullException.ThrowIfNull(involved);
        Event value = MakeEvent(involved, type, reason, message, _time.GetUtcNow().UtcDateTime);
        if (!_queue.Writer.TryWrite(value))
        {
            long dropped = Interlocked.Increment(ref _dropped);
            // The first drop, then one line per thousand: a flood must not become a flood of logs too.
            if (dropped % 1000 == 1)
            {
                EventsLog.Dropped(_logger, _options.Component, dropped);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        _queue.Writer.TryComplete();
        await _draining.CancelAsync();
        try
        {
            await _writer.WaitAsync(_options.ShutdownTimeout, _time);
        }
        catch (TimeoutException)
        {
            await _abort.CancelAsync();
            await _writer;
        }
        _draining.Dispose();
        _abort.Dispose();
    }

    /// <summary>client-go's makeEvent: the occurrence at <paramref name="now"/>, count 1, named for the object.</summary>
    private Event MakeEvent(IKubernetesObject involved, string type, string reason, string message, DateTime now)
    {
        ObjectReference reference = InvolvedReference.Of(involved);
        return new Event
        {
            ApiVersion = _events.Descriptor.ApiVersion,
            Kind = _events.Descriptor.Kind,
            Metadata = new ObjectMeta
            {
                Name = _names.Next(reference.Name ?? "", now),
                Namespace = string.IsNullOrEmpty(reference.Namespace) ? "default" : reference.Namespace,
            },
            InvolvedObject = reference,
            Reason = reason,
            Message = message,
            Source = new EventSource { Component = _options.Component, Host = _options.Host },
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
            Type = type,
            ReportingComponent = _options.Component,
            ReportingInstance = _options.Host,
        };
    }
}
