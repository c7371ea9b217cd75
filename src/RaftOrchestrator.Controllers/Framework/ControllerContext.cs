using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Controllers.Framework;

/// <summary>What every controller is given: the client, the shared informers, an event recorder, the clock and logs.</summary>
public sealed class ControllerContext
{
    public required IClusterClient Client { get; init; }

    public required ISharedInformerFactory Informers { get; init; }

    public required IEventRecorder Events { get; init; }

    /// <summary>Makes a controller's work queue (named for logs); the composer picks the rate limiter.</summary>
    public required Func<string, IWorkQueue<ObjectKey>> NewQueue { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
}
