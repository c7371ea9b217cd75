using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Statuses;

/// <summary>
/// The status the agent wants a pod to have (the kubelet's generateAPIPodStatus), from a <see cref="PodView"/>:
/// phase, the conditions the agent owns (without transition times: <see cref="PodStatusMerge"/> keeps or sets those
/// against the API's status), container and init container statuses, addresses and startTime. Pure: no clock.
/// </summary>
public static class PodStatusBuilder
{
    public static PodStatus Build(PodView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string phase = view.Reason is null ? PodPhases.Of(view) : PodPhases.Failed;
        bool initialized = view.InitContainers.All(c => c.Succeeded);
        var status = new PodStatus
        {
            Phase = phase,
            Reason = view.Reason,
            Message = view.Message,
            HostIP = view.HostIP,
            HostIPs = [new HostIP { IP = view.HostIP }],
            PodIP = view.PodIP,
            PodIPs = view.PodIP is { } ip ? [new PodIP { IP = ip }] : null,
            StartTime = view.StartTime,
            InitContainerStatuses = view.InitContainers.Count == 0 ? null
                : [.. view.InitContainers.Select((c, i) => ContainerStatuses.Of(c, view.RuntimeName, initializing: !view.InitContainers.Take(i).All(p => p.Succeeded)))],
            ContainerStatuses = [.. view.Containers.Select(c => ContainerStatuses.Of(c, view.RuntimeName, initializing: !initialized))],
        };
        status.Conditions = Conditions(view, phase, initialized);
        return status;
    }

    /// <summary>PodReadyToStartContainers, Initialized, Ready, ContainersReady: the kubelet's order.</summary>
    private static List<PodCondition> Conditions(PodView view, string phase, bool initialized)
    {
        bool completed = phase == PodPhases.Succeeded;
        var conditions = new List<PodCondition>
        {
            Condition(PodConditionTypes.PodReadyToStartContainers, view.SandboxReady && !view.Terminal),
        };
        if (initialized || view.InitContainers.Count == 0)
        {
            conditions.Add(Condition(PodConditionTypes.Initialized, true, completed ? PodConditionTypes.PodCompleted : null));
        }
        else
        {
            string incomplete = string.Join(' ', view.InitContainers.Where(c => !c.Succeeded).Select(c => c.Spec.Name));
            conditions.Add(Condition(PodConditionTypes.Initialized, false, PodConditionTypes.ContainersNotInitialized, $"containers with incomplete status: [{incomplete}]"));
        }

        PodCondition containersReady;
        if (completed)
        {
            containersReady = Condition(PodConditionTypes.ContainersReady, false, PodConditionTypes.PodCompleted);
        }
        else if (view.Containers.All(c => c.Ready) && !view.Terminal)
        {
            containersReady = Condition(PodConditionTypes.ContainersReady, true);
        }
        else
        {
            string unready = string.Join(' ', view.Containers.Where(c => !c.Ready || view.Terminal).Select(c => c.Spec.Name));
            containersReady = Condition(PodConditionTypes.ContainersReady, false, PodConditionTypes.ContainersNotReady, $"containers with unready status: [{unready}]");
        }

        PodCondition ready = containersReady.Status == "True" && UnreadyGates(view.Pod) is { } gates
            ? Condition(PodConditionTypes.Ready, false, PodConditionTypes.ReadinessGatesNotReady, gates)
            : Condition(PodConditionTypes.Ready, containersReady.Status == "True", containersReady.Reason, containersReady.Message);
        conditions.Add(ready);
        conditions.Add(containersReady);
        return conditions;
    }

    /// <summary>The message for readiness gates whose condition is not True (null: all are), in the kubelet's words.</summary>
    private static string? UnreadyGates(Pod pod)
    {
        var missing = new List<string>();
        var unready = new List<string>();
        foreach (PodReadinessGate gate in pod.Spec.ReadinessGates ?? [])
        {
            PodCondition? found = pod.Status.Conditions?.Find(c => c.Type == gate.ConditionType);
            if (found is null)
            {
                missing.Add(gate.ConditionType);
            }
            else if (found.Status != "True")
            {
                unready.Add(gate.ConditionType);
            }
        }
        if (missing.Count == 0 && unready.Count == 0)
        {
            return null;
        }
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add($"corresponding condition of pod readiness gate {Quoted(missing)} does not exist.");
        }
        if (unready.Count > 0)
        {
            parts.Add($"the status of pod readiness gate {Quoted(unready)} is not \"True\", but False.");
        }
        return string.Join(", ", parts);
    }

    private static string Quoted(List<string> types) => string.Join(", ", types.Select(t => $"\"{t}\""));

    private static PodCondition Condition(string type, bool value, string? reason = null, string? message = null) => new()
    {
        Type = type,
        Status = value ? "True" : "False",
        Reason = reason,
        Message = message,
    };
}
