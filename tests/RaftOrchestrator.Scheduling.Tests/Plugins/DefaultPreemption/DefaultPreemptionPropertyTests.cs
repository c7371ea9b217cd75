using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using static RaftOrchestrator.Scheduling.Tests.Topology.Build;

namespace RaftOrchestrator.Scheduling.Tests.Plugins.DefaultPreemption;

/// <summary>
/// Random clusters (2-5 nodes of 1-4 cpus, filled with pods of random priority and app label, some with hostname
/// anti-affinity) and a random incoming pod: whenever preemption nominates a node, every victim has a lower
/// priority than the pod, and the pod passes every filter of the default profile on that node once the victims
/// are gone (checked on a fresh snapshot built without them).
/// </summary>
public sealed class DefaultPreemptionPropertyTests
{
    private sealed record Placed(int Node, int Cpu, int Priority, string App, bool AntiWeb);

    private sealed record Case(int[] NodeCpus, Placed[] Pods, int Cpu, int Priority, bool IsWeb, bool AntiWeb, int Seed);

    private static readonly Gen<Case> s_cases =
        from cpus in Gen.Choose(1, 4).ArrayOf().Where(a => a.Length is >= 2 and <= 5)
        from pods in (from node in Gen.Choose(0, cpus.Length - 1)
                      from cpu in Gen.Choose(1, 2)
                      from priority in Gen.Choose(0, 3)
                      from app in Gen.Elements("web", "db")
                      from anti in Gen.Elements(false, false, true)
                      select new Placed(node, cpu, priority, app, anti)).ArrayOf()
        from cpu in Gen.Choose(1, 4)
        from priority in Gen.Choose(0, 4)
        from isWeb in Gen.Elements(true, false)
        from antiWeb in Gen.Elements(true, false)
        from seed in Gen.Choose(0, 1000)
        select new Case(cpus, Fit(cpus, pods), cpu, priority, isWeb, antiWeb, seed);

    /// <summary>Keeps the pods that fit their node in order, so the generated cluster is itself a valid placement.</summary>
    private static Placed[] Fit(int[] cpus, Placed[] pods)
    {
        var used = new int[cpus.Length];
        var kept = new List<Placed>();
        foreach (Placed p in pods)
        {
            if (used[p.Node] + p.Cpu <= cpus[p.Node])
            {
                used[p.Node] += p.Cpu;
                kept.Add(p);
            }
        }
        return [.. kept];
    }

    private static Pod Placement(Placed p, int i)
    {
        Pod pod = Pod($"p{i}", $"n{p.Node}", Labels($"app={p.App}"), cpu: p.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), priority: p.Priority);
        return p.AntiWeb ? pod.WithAffinity(antiAffinity: Term(Hostname, "web")) : pod;
    }

    [Property(MaxTest = 300)]
    public Property Preemption_NominatedNode_FitsOnceTheVictimsAreGone() =>
        Prop.ForAll(s_cases.ToArbitrary(), c =>
        {
            Node[] nodes = [.. c.NodeCpus.Select((cpu, i) => Node($"n{i}", cpu: cpu.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
            Pod[] placed = [.. c.Pods.Select(Placement)];
            Pod incoming = Pod("incoming", labels: Labels(c.IsWeb ? "app=web" : "app=db"), cpu: c.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture), priority: c.Priority);
            if (c.AntiWeb)
            {
                incoming.WithAffinity(antiAffinity: Term(Hostname, "web"));
            }
            ScheduleResult result = DefaultPreemptionTests.Schedule(incoming, Snapshot.Create(nodes, placed), seed: c.Seed);
            if (result.IsSuccess || result.PostFilter is not { Status.IsSuccess: true } post)
            {
                return true.ToProperty();
            }
            var victims = post.Victims!.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
            Snapshot after = Snapshot.Create(nodes, placed.Where(p => !victims.Contains(p.Metadata.Name!)));
            SchedulingFramework framework = SchedulingFramework.Create(DefaultProfile.Create(), InTreeRegistry.Create());
            var state = new CycleState();
            PodInfo pod = PodInfo.Create(incoming);
            Status pre = framework.RunPreFilterPlugins(state, pod, after);
            Status fits = pre.IsSuccess ? framework.RunFilterPlugins(state, pod, after.Get(post.NominatedNodeName!)!) : pre;
            bool lower = post.Victims!.All(v => v.Priority < c.Priority);
            return (fits.IsSuccess && lower && victims.Count > 0).Label($"{fits}; victims {string.Join(",", victims)} on {post.NominatedNodeName}");
        });
}
