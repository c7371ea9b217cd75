namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A plugin that runs other plugins (preemption runs the profile's PreFilter extensions and Filters on what-if
/// copies of nodes, as kube-scheduler's plugins reach them through their framework.Handle). The framework calls
/// <see cref="Attach"/> once, when it has been built, before any cycle.
/// </summary>
public interface IFrameworkAware : IPlugin
{
    void Attach(SchedulingFramework framework);
}
