using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>Approves, rejects or delays the binding (gang scheduling); a Wait carries its timeout, the driver keeps the timer.</summary>
public interface IPermitPlugin : IPlugin
{
    PermitResult Permit(CycleState state, PodInfo pod, string nodeName);
}
