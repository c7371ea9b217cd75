using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Work before the bind (volumes, claims). Implemented by the driver's plugins: the only I/O point besides Bind.</summary>
public interface IPreBindPlugin : IPlugin
{
    ValueTask<Status> PreBindAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken);
}
