namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A scheduling plugin. It implements one or more extension-point interfaces; a profile lists it once and the
/// framework enables it at every extension point it implements (kube-scheduler's multiPoint). One instance serves
/// one profile; per-pod data goes in <see cref="CycleState"/>, never in fields.
/// </summary>
public interface IPlugin
{
    string Name { get; }
}
