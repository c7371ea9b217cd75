using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Informational, after a successful bind.</summary>
public interface IPostBindPlugin : IPlugin
{
    void PostBind(CycleState state, PodInfo pod, string nodeName);
}
