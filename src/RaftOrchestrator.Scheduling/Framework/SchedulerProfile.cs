namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A profile as data (KubeSchedulerProfile with multiPoint plugins): pods whose spec.schedulerName equals
/// <see cref="SchedulerName"/> are scheduled with these plugins, enabled at every extension point each implements,
/// in list order. <see cref="PercentageOfNodesToScore"/> 0 means kube-scheduler's adaptive default.
/// </summary>
public sealed record SchedulerProfile(string SchedulerName, IReadOnlyList<PluginRef> Plugins)
{
    public int PercentageOfNodesToScore { get; init; }

    /// <summary>This profile with <paramref name="plugin"/>'s entry replaced (or appended when absent).</summary>
    public SchedulerProfile With(PluginRef plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var plugins = Plugins.ToList();
        int i = plugins.FindIndex(p => p.Name == plugin.Name);
        if (i >= 0)
        {
            plugins[i] = plugin;
        }
        else
        {
            plugins.Add(plugin);
        }
        return this with { Plugins = plugins };
    }

    /// <summary>This profile without the named plugin.</summary>
    public SchedulerProfile Without(string pluginName) =>
        this with { Plugins = [.. Plugins.Where(p => p.Name != pluginName)] };
}
