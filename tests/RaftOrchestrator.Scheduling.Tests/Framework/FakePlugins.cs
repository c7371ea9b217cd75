using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Tests.Framework;

/// <summary>A filter that answers from a function and counts its calls; class-invariant when asked to be.</summary>
internal sealed class CountingFilter(string name, Func<NodeInfo, Status> verdict, bool classInvariant = false) : INodeClassFilter
{
    public string Name { get; } = name;

    public int Calls { get; private set; }

    public bool IsClassInvariant(CycleState state, PodInfo pod) => classInvariant;

    public Status Filter(CycleState state, PodInfo pod, NodeInfo node)
    {
        Calls++;
        return verdict(node);
    }
}

/// <summary>A score plugin that answers from a function (an Error when it returns null).</summary>
internal sealed class FuncScore(string name, Func<NodeInfo, long?> score) : IScorePlugin
{
    public string Name { get; } = name;

    public Status Score(CycleState state, PodInfo pod, NodeInfo node, out long value)
    {
        long? s = score(node);
        value = s ?? 0;
        return s is null ? Status.Error(Name, "no score") : Status.Success;
    }
}

internal sealed class FixedPreFilter(string name, Status status) : IPreFilterPlugin
{
    public string Name { get; } = name;

    public Status PreFilter(CycleState state, PodInfo pod, Snapshot snapshot, out PreFilterResult? result)
    {
        result = null;
        return status;
    }
}

internal sealed class FixedPostFilter(string name, PostFilterResult result) : IPostFilterPlugin
{
    public string Name { get; } = name;

    public NodeToStatus? Seen { get; private set; }

    public PostFilterResult PostFilter(CycleState state, PodInfo pod, Snapshot snapshot, NodeToStatus statuses)
    {
        Seen = statuses;
        return result;
    }
}

/// <summary>Records Reserve/Unreserve calls into a shared log and answers Permit as configured.</summary>
internal sealed class RecordingPlugin(string name, List<string> log, Status? reserve = null, PermitResult? permit = null) : IReservePlugin, IPermitPlugin
{
    public string Name { get; } = name;

    public Status Reserve(CycleState state, PodInfo pod, string nodeName)
    {
        log.Add("reserve " + Name);
        return reserve ?? Status.Success;
    }

    public void Unreserve(CycleState state, PodInfo pod, string nodeName) => log.Add("unreserve " + Name);

    public PermitResult Permit(CycleState state, PodInfo pod, string nodeName) => permit ?? PermitResult.Allow;
}

internal static class FakeRegistry
{
    /// <summary>The in-tree registry plus these plugin instances, registered under their names.</summary>
    public static PluginRegistry With(params IPlugin[] plugins)
    {
        PluginRegistry registry = InTreeRegistry.Create();
        foreach (IPlugin p in plugins)
        {
            registry.Register(p.Name, _ => p);
        }
        return registry;
    }

    public static SchedulerProfile Profile(params (string Name, int Weight)[] plugins) =>
        new("test", [new PluginRef("PrioritySort"), .. plugins.Select(p => new PluginRef(p.Name, p.Weight))]);
}
