using RaftOrchestrator.Scheduling.Cache;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// One profile's plugins instantiated and sorted by extension point, with the Run* methods kube-scheduler's
/// frameworkImpl has. Status propagation: the first non-success Filter status wins (plugins run in profile order);
/// a status without a plugin name is attributed to the plugin that returned it; an Error from any plugin aborts the
/// phase. Immutable after construction, so one instance may serve several schedulers.
/// </summary>
public sealed partial class SchedulingFramework
{
    private SchedulingFramework(SchedulerProfile profile, IReadOnlyList<IPlugin> plugins, IReadOnlyList<PluginRef> refs)
    {
        Profile = profile;
        Plugins = plugins;
        QueueSort = plugins.OfType<IQueueSortPlugin>().FirstOrDefault();
        PreFilterPlugins = [.. plugins.OfType<IPreFilterPlugin>()];
        FilterPlugins = [.. plugins.OfType<IFilterPlugin>()];
        PostFilterPlugins = [.. plugins.OfType<IPostFilterPlugin>()];
        PreScorePlugins = [.. plugins.OfType<IPreScorePlugin>()];
        var scores = new List<IScorePlugin>();
        var weights = new List<long>();
        for (int i = 0; i < plugins.Count; i++)
        {
            if (plugins[i] is IScorePlugin s)
            {
                scores.Add(s);
                weights.Add(refs[i].Weight == 0 ? 1 : refs[i].Weight);
            }
        }
        ScorePlugins = [.. scores];
        ScoreWeights = [.. weights];
        ReservePlugins = [.. plugins.OfType<IReservePlugin>()];
        PermitPlugins = [.. plugins.OfType<IPermitPlugin>()];
        PreBindPlugins = [.. plugins.OfType<IPreBindPlugin>()];
        BindPlugins = [.. plugins.OfType<IBindPlugin>()];
        PostBindPlugins = [.. plugins.OfType<IPostBindPlugin>()];
    }

    public SchedulerProfile Profile { get; }

    public string SchedulerName => Profile.SchedulerName;

    public IReadOnlyList<IPlugin> Plugins { get; }

    public IQueueSortPlugin? QueueSort { get; }

    internal IPreFilterPlugin[] PreFilterPlugins { get; }

    internal IFilterPlugin[] FilterPlugins { get; }

    internal IPostFilterPlugin[] PostFilterPlugins { get; }

    internal IPreScorePlugin[] PreScorePlugins { get; }

    internal IScorePlugin[] ScorePlugins { get; }

    internal long[] ScoreWeights { get; }

    internal IReservePlugin[] ReservePlugins { get; }

    internal IPermitPlugin[] PermitPlugins { get; }

    internal IPreBindPlugin[] PreBindPlugins { get; }

    internal IBindPlugin[] BindPlugins { get; }

    internal IPostBindPlugin[] PostBindPlugins { get; }

    public bool HasFilterPlugins => FilterPlugins.Length > 0;

    public bool HasScorePlugins => ScorePlugins.Length > 0;

    /// <summary>
    /// Instantiates the profile's plugins. A configuration error (unknown plugin, duplicate, no or several
    /// QueueSort plugins, a negative weight) is an exception: it happens at startup, not per pod.
    /// </summary>
    public static SchedulingFramework Create(SchedulerProfile profile, PluginRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(registry);
        var plugins = new List<IPlugin>(profile.Plugins.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PluginRef r in profile.Plugins)
        {
            if (!seen.Add(r.Name))
            {
                throw new ArgumentException($"profile {profile.SchedulerName}: plugin {r.Name} listed twice", nameof(profile));
            }
            if (r.Weight < 0)
            {
                throw new ArgumentException($"profile {profile.SchedulerName}: plugin {r.Name} has a negative weight", nameof(profile));
            }
            if (!registry.TryCreate(r, out IPlugin? plugin))
            {
                throw new ArgumentException($"profile {profile.SchedulerName}: plugin {r.Name} is not registered", nameof(profile));
            }
            plugins.Add(plugin);
        }
        int queueSorts = plugins.Count(p => p is IQueueSortPlugin);
        if (queueSorts != 1)
        {
            throw new ArgumentException($"profile {profile.SchedulerName}: needs exactly one QueueSort plugin, has {queueSorts}", nameof(profile));
        }
        if (profile.PercentageOfNodesToScore is < 0 or > 100)
        {
            throw new ArgumentException($"profile {profile.SchedulerName}: percentageOfNodesToScore must be 0-100", nameof(profile));
        }
        var framework = new SchedulingFramework(profile, plugins, profile.Plugins);
        foreach (IFrameworkAware aware in plugins.OfType<IFrameworkAware>())
        {
            aware.Attach(framework);
        }
        return framework;
    }

    /// <summary>
    /// Runs every PreFilter plugin. Skips are recorded in the state (their Filters will not run); node-name results
    /// are intersected into <see cref="CycleState.PreFilterNodeNames"/>. Returns the first rejection or error.
    /// </summary>
    public Status RunPreFilterPlugins(CycleState state, PodInfo pod, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (IPreFilterPlugin plugin in PreFilterPlugins)
        {
            Status s = plugin.PreFilter(state, pod, snapshot, out PreFilterResult? result);
            if (s.IsSkip)
            {
                state.SkipFilterPlugins.Add(plugin.Name);
                continue;
            }
            if (!s.IsSuccess)
            {
                return s.WithPlugin(plugin.Name);
            }
            if (result is not null)
            {
                state.PreFilterNarrowingPlugins.Add(plugin.Name);
            }
            state.PreFilterNodeNames = PreFilterResult.Merge(state.PreFilterNodeNames, result);
            if (state.PreFilterNodeNames is { Count: 0 })
            {
                return Status.Unresolvable(plugin.Name, "node(s) didn't satisfy plugin(s) [" + string.Join(" ", state.PreFilterNarrowingPlugins) + "] simultaneously");
            }
        }
        return Status.Success;
    }

    /// <summary>Preemption's and nominated pods' what-if: tells every PreFilter extension that <paramref name="podToAdd"/> joins the node.</summary>
    public Status RunPreFilterExtensionAddPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) =>
        RunExtensions(state, podToSchedule, podToAdd, node, add: true);

    /// <summary>Preemption's what-if: tells every PreFilter extension that <paramref name="podToRemove"/> leaves the node.</summary>
    public Status RunPreFilterExtensionRemovePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) =>
        RunExtensions(state, podToSchedule, podToRemove, node, add: false);

    private Status RunExtensions(CycleState state, PodInfo podToSchedule, PodInfo other, NodeInfo node, bool add)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (IPreFilterPlugin plugin in PreFilterPlugins)
        {
            if (plugin is not IPreFilterExtensions ext || state.SkipFilterPlugins.Contains(plugin.Name))
            {
                continue;
            }
            Status s = add ? ext.AddPod(state, podToSchedule, other, node) : ext.RemovePod(state, podToSchedule, other, node);
            if (!s.IsSuccess)
            {
                return s.WithPlugin(plugin.Name);
            }
        }
        return Status.Success;
    }

    /// <summary>
    /// Runs the Filter plugins on one node in profile order (those whose PreFilter skipped excluded) and returns the
    /// first failure. The search loop uses a faster path with per-class caching; this one is for preemption and tests.
    /// </summary>
    public Status RunFilterPlugins(CycleState state, PodInfo pod, NodeInfo node)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (IFilterPlugin plugin in FilterPlugins)
        {
            if (state.SkipFilterPlugins.Count > 0 && state.SkipFilterPlugins.Contains(plugin.Name))
            {
                continue;
            }
            Status s = plugin.Filter(state, pod, node);
            if (!s.IsSuccess)
            {
                return s.WithPlugin(plugin.Name);
            }
        }
        return Status.Success;
    }

    /// <summary>
    /// Runs PostFilter plugins until one succeeds (or errors). The result's status is the last one seen, so a
    /// message for FitError survives when all of them fail.
    /// </summary>
    public PostFilterResult RunPostFilterPlugins(CycleState state, PodInfo pod, Snapshot snapshot, NodeToStatus statuses)
    {
        PostFilterResult last = new(Status.Create(StatusCode.Unschedulable, null));
        foreach (IPostFilterPlugin plugin in PostFilterPlugins)
        {
            PostFilterResult r = plugin.PostFilter(state, pod, snapshot, statuses);
            if (r.Status.IsSuccess || r.Status.Code == StatusCode.Error)
            {
                return r with { Status = r.Status.WithPlugin(plugin.Name) };
            }
            last = r with { Status = r.Status.WithPlugin(plugin.Name) };
        }
        return last;
    }

    /// <summary>kube-scheduler's PrioritySort when the profile names none (never: a profile must have one).</summary>
    public bool Less(QueuedPodInfo a, QueuedPodInfo b) => QueueSort!.Less(a, b);
}
