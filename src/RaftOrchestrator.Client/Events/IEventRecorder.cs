using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Events;

/// <summary>
/// Records core/v1 Events about objects, as client-go's recorder does: never blocks the caller (writes happen in the
/// background), aggregates repeats of the same event into one object with a growing count, and rate-limits per
/// involved object so a hot loop cannot flood the store.
/// </summary>
public interface IEventRecorder
{
    /// <param name="involved">The object the event is about.</param>
    /// <param name="type"><see cref="EventTypes.Normal"/> or <see cref="EventTypes.Warning"/>.</param>
    /// <param name="reason">UpperCamelCase, machine-readable (SuccessfulCreate, ScalingReplicaSet, ...).</param>
    /// <param name="message">For people.</param>
    void Record(IKubernetesObject involved, string type, string reason, string message);
}
