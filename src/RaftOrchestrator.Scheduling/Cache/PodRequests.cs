using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// A pod's effective requests as kube-scheduler computes them (resourcehelper.PodRequests, Kubernetes 1.32):
/// the app containers' sum; each init container runs alone but on top of the sidecars (restartPolicy Always init
/// containers) started before it, and sidecars also run beside the app containers; the result is the larger of
/// the two, plus spec.overhead.
/// </summary>
public static class PodRequests
{
    /// <param name="spec">The pod's spec.</param>
    /// <param name="nonZero">Substitute kube-scheduler's scoring defaults (100m cpu, 200Mi memory) for a container
    /// that names no cpu or memory request (an explicit zero stays zero).</param>
    public static Resource Compute(PodSpec spec, bool nonZero)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var reqs = new Resource();
        foreach (Container c in spec.Containers)
        {
            reqs.Add(ContainerRequests(c, nonZero));
        }
        if (spec.InitContainers is { Count: > 0 } inits)
        {
            var sidecars = new Resource();
            var initMax = new Resource();
            foreach (Container c in inits)
            {
                Resource own = ContainerRequests(c, nonZero);
                if (c.RestartPolicy == "Always")
                {
                    reqs.Add(own);
                    sidecars.Add(own);
                    initMax.SetMax(sidecars);
                }
                else
                {
                    own.Add(sidecars);
                    initMax.SetMax(own);
                }
            }
            reqs.SetMax(initMax);
        }
        if (spec.Overhead is { Count: > 0 } overhead)
        {
            reqs.Add(Resource.FromList(overhead));
        }
        return reqs;
    }

    private static Resource ContainerRequests(Container c, bool nonZero)
    {
        Dictionary<string, Quantity>? requests = c.Resources?.Requests;
        Resource r = Resource.FromList(requests);
        if (nonZero)
        {
            if (requests is null || !requests.ContainsKey(ResourceNames.Cpu))
            {
                r.MilliCpu = ResourceNames.DefaultMilliCpuRequest;
            }
            if (requests is null || !requests.ContainsKey(ResourceNames.Memory))
            {
                r.Memory = ResourceNames.DefaultMemoryRequest;
            }
        }
        return r;
    }
}
