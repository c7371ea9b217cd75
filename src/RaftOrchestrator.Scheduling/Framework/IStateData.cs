namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// Per-pod plugin state kept in a <see cref="CycleState"/>. Clone must deep-copy whatever AddPod/RemovePod mutate:
/// preemption clones the state once per candidate node and simulates removing victims on the clone.
/// </summary>
public interface IStateData
{
    IStateData Clone();
}
