using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>
/// A pod's effective requests as kube-scheduler's NodeResourcesFit counts them (resourcehelper.PodRequests):
/// the app containers run together, so their requests add up; each init container runs alone, beside the
/// restartable (restartPolicy Always, "sidecar") init containers started before it, and sidecars keep running
/// beside the app containers. The pod needs the larger of the two phases, plus spec.overhead. Pod-level
/// spec.resources.requests, when given, stand for the containers' sum of the resources they name.
/// </summary>
public static class PodRequests
{
    public static ResourceAmounts Compute(PodSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var running = new ResourceAmounts();
        foreach (Container container in spec.Containers)
        {
            running.Add(ResourceAmounts.From(container.Resources?.Requests));
        }
        var sidecars = new ResourceAmounts();
        var initPhase = new ResourceAmounts();
        foreach (Container init in spec.InitContainers ?? [])
        {
            ResourceAmounts own = ResourceAmounts.From(init.Resources?.Requests);
            if (init.RestartPolicy == "Always")
            {
                sidecars.Add(own);
                running.Add(own);
                initPhase.SetMax(sidecars);
            }
            else
            {
                own.Add(sidecars);
                initPhase.SetMax(own);
            }
        }
        running.SetMax(initPhase);
        if (spec.Resources?.Requests is { Count: > 0 } podLevel)
        {
            ResourceAmounts declared = ResourceAmounts.From(podLevel);
            if (podLevel.ContainsKey(ResourceNames.Cpu))
            {
                running.MilliCpu = declared.MilliCpu;
            }
            if (podLevel.ContainsKey(ResourceNames.Memory))
            {
                running.Memory = declared.Memory;
            }
        }
        if (spec.Overhead is { Count: > 0 } overhead)
        {
            running.Add(ResourceAmounts.From(overhead));
        }
        return running;
    }
}
