using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>The binders by <see cref="BinderKind"/>.</summary>
public static class Binders
{
    /// <summary>The binder of a term; a batch binder is fenced by the lease the term holds (none without leader election).</summary>
    public static IPodBinder Create(IClusterClient client, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Binder switch
        {
            BinderKind.BindingBatch => new BindingBatchBinder(client, !options.LeaderElect ? null : new Api.Scheduling.BindingFence
            {
                LeaseNamespace = options.LeaseNamespace,
                LeaseName = options.LeaseName,
                HolderIdentity = options.Identity,
            }),
            _ => new SinglePodBinder(client),
        };
    }

    /// <summary>--binder values.</summary>
    public static bool TryParse(string? text, out BinderKind kind)
    {
        switch (text)
        {
            case "binding-batch" or "batch":
                kind = BinderKind.BindingBatch;
                return true;
            case "pod-binding" or "single":
                kind = BinderKind.PodBinding;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
