using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Client.Events;

/// <summary>
/// What to write for one recorded occurrence: a new Event (create), or the next count of one already written
/// (<see cref="IsUpdate"/>: patch count, lastTimestamp and message of the Event named in it).
/// </summary>
internal readonly record struct CorrelatedEvent(Event Event, CorrelationKey Key, bool IsUpdate);
