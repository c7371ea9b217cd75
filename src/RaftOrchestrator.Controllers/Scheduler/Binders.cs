using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>The binders by <see cref="BinderKind"/>.</summary>
public static class Binders
{
    public static IPodBinder Create(IClusterClient client, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Binder switch
        {
            BinderKind.PodBinding => new SinglePodBinder(client),
            _ => throw new NotSupportedException($"binder {options.Binder} is not available in this build"),
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
