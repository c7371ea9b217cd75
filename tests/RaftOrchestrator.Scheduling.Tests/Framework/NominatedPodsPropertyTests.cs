using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using static RaftOrchestrator.Scheduling.Tests.SchedulingPropertyTests;

namespace RaftOrchestrator.Scheduling.Tests.Framework;

/// <summary>
/// The search's fast path (per-class verdicts, nominated nodes filtered twice) against the framework's reference
/// RunFilterPluginsWithNominatedPods, on random clusters with random nominations and pod priorities.
/// </summary>
public sealed class NominatedPodsPropertyTests
{
    public sealed record Nomination(int Node, PodCase Pod, int Priority);

    public sealed record Case(NodeSpecCase[] Nodes, Nomination[] Nominations, PodCase[] Pods, int Seed)
    {
        public override string ToString() => $"nodes={Nodes.Length} nominations={Nominations.Length} pods={Pods.Length} seed={Seed}";
    }

    private static readonly int[] s_priorities = [0, 50, 100];

    private static readonly Gen<Case> s_case =
        from nodes in Gen.Choose(1, 12).SelectMany(n => Gen.ArrayOf(s_node, n))
        from nominations in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(
            from node in Gen.Choose(0, nodes.Length - 1)
            from pod in s_pod
            from priority in Gen.Elements(s_priorities)
            select new Nomination(node, pod, priority), n))
        from pods in Gen.Choose(1, 30).SelectMany(n => Gen.ArrayOf(s_pod, n))
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(nodes, nominations, pods, seed);

    [Property(MaxTest = 80)]
    public Property TheSearchAgreesWithTheReference() => Prop.ForAll(s_case.ToArbitrary(), c =>
    {
        var cache = new SchedulerCache();
        for (int i = 0; i < c.Nodes.Length; i++)
        {
            cache.AddNode(BuildNode(i, c.Nodes[i]));
        }
        NominatedPods nominated = NominatedPods.Create(c.Nominations.Select((n, i) =>
        {
            var pod = BuildPod(1000 + i, n.Pod);
            pod.Spec.Priority = n.Priority;
            return ($"node-{n.Node:D3}", PodInfo.Create(pod));
        }));
        SchedulingFramework reference = SchedulingFramework.Create(DefaultProfile.Create(), InTreeRegistry.Create());
        Scheduler scheduler = Make.DefaultScheduler(c.Seed);
        var snapshot = new Snapshot();
        for (int i = 0; i < c.Pods.Length; i++)
        {
            cache.UpdateSnapshot(snapshot);
            var spec = BuildPod(i, c.Pods[i]);
            spec.Spec.Priority = s_priorities[i % s_priorities.Length];
            var pod = PodInfo.Create(spec);
            ScheduleResult result = scheduler.Schedule(new CycleState(), pod, snapshot, nominated);

            var probe = new CycleState();
            reference.RunPreFilterPlugins(probe, pod, snapshot);
            probe.NominatedPods = nominated;
            bool fitsSomewhere = snapshot.Nodes.Any(n => reference.RunFilterPluginsWithNominatedPods(probe, pod, n).IsSuccess);
            Assert.Equal(fitsSomewhere, result.IsSuccess);
            if (result.SuggestedHost is { } host)
            {
                Assert.True(reference.RunFilterPluginsWithNominatedPods(probe, pod, snapshot.Get(host)!).IsSuccess, $"{pod} placed on {host}");
                Assert.True(cache.AssumePod(pod, host));
            }
        }
    });
}
