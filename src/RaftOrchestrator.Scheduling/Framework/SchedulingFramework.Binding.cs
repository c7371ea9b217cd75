using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

public sealed partial class SchedulingFramework
{
    /// <summary>Reserve in profile order; on the first failure the caller runs <see cref="RunReservePluginsUnreserve"/>.</summary>
    public Status RunReservePluginsReserve(CycleState state, PodInfo pod, string nodeName)
    {
        foreach (IReservePlugin plugin in ReservePlugins)
        {
            Status s = plugin.Reserve(state, pod, nodeName);
            if (!s.IsSuccess)
            {
                return s.WithPlugin(plugin.Name);
            }
        }
        return Status.Success;
    }

    /// <summary>Unreserve in reverse profile order, every plugin (Unreserve tolerates a Reserve that never ran).</summary>
    public void RunReservePluginsUnreserve(CycleState state, PodInfo pod, string nodeName)
    {
        for (int i = ReservePlugins.Length - 1; i >= 0; i--)
        {
            ReservePlugins[i].Unreserve(state, pod, nodeName);
        }
    }

    /// <summary>
    /// Permit: any rejection wins at once; otherwise Wait when some plugin waits, for the longest of their timeouts
    /// (kube-scheduler waits on each plugin's own timer; the driver holds the timers, so one bound is handed back).
    /// </summary>
    public PermitResult RunPermitPlugins(CycleState state, PodInfo pod, string nodeName)
    {
        PermitResult wait = PermitResult.Allow;
        foreach (IPermitPlugin plugin in PermitPlugins)
        {
            PermitResult r = plugin.Permit(state, pod, nodeName);
            if (r.Status.Code == StatusCode.Wait)
            {
                if (wait.Status.IsSuccess || r.Timeout > wait.Timeout)
                {
                    wait = r with { Status = r.Status.WithPlugin(plugin.Name) };
                }
            }
            else if (!r.Status.IsSuccess)
            {
                return r with { Status = r.Status.WithPlugin(plugin.Name) };
            }
        }
        return wait;
    }

    public async ValueTask<Status> RunPreBindPluginsAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken)
    {
        foreach (IPreBindPlugin plugin in PreBindPlugins)
        {
            Status s = await plugin.PreBindAsync(state, pod, nodeName, cancellationToken).ConfigureAwait(false);
            if (!s.IsSuccess)
            {
                return s.WithPlugin(plugin.Name);
            }
        }
        return Status.Success;
    }

    /// <summary>The first bind plugin that does not Skip decides; all skipping is an Error, as kube-scheduler has it.</summary>
    public async ValueTask<Status> RunBindPluginsAsync(CycleState state, PodInfo pod, string nodeName, CancellationToken cancellationToken)
    {
        foreach (IBindPlugin plugin in BindPlugins)
        {
            Status s = await plugin.BindAsync(state, pod, nodeName, cancellationToken).ConfigureAwait(false);
            if (!s.IsSkip)
            {
                return s.WithPlugin(plugin.Name);
            }
        }
        return Status.Error("", "all bind plugins skipped the pod");
    }

    public void RunPostBindPlugins(CycleState state, PodInfo pod, string nodeName)
    {
        foreach (IPostBindPlugin plugin in PostBindPlugins)
        {
            plugin.PostBind(state, pod, nodeName);
        }
    }
}
