using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Controllers.Framework;

/// <summary>What every controller is given: the client, the shared informers, an event recorder, the clock and logs.</summary>
public sealed class ControllerContext
{
    public required IClusterClient Client { get; init; }

    public required ISharedInformerFactory Informers { get; init; }

    public required IEventRecorder Events { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
}
