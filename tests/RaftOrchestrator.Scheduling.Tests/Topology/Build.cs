using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;
using Status = RaftOrchestrator.Scheduling.Framework.Status;

namespace RaftOrchestrator.Scheduling.Tests.Topology;

/// <summary>Nodes, pods and terms for the affinity, spreading and preemption tests; every node carries its hostname label.</summary>
internal static class Build
{
    public const string Zone = "topology.kubernetes.io/zone";
    public const string Hostname = "kubernetes.io/hostname";

    public static Node Node(string name, string? zone = null, string cpu = "4", string pods = "110", List<Taint>? taints = null)
    {
        var labels = new Dictionary<string, string> { [Hostname] = name };
        if (zone is not null)
        {
            labels[Zone] = zone;
        }
        var allocatable = new Dictionary<string, Quantity> { ["cpu"] = cpu, ["memory"] = "16Gi", ["pods"] = pods };
        return new Node
        {
            Metadata = new ObjectMeta { Name = name, Labels = labels },
            Spec = new NodeSpec { Taints = taints },
            Status = new NodeStatus { Allocatable = allocatable, Capacity = allocatable },
        };
    }

    public static Pod Pod(string name, string? node = null, Dictionary<string, string>? labels = null, string? cpu = null, int priority = 0,
        string ns = "default", DateTime? started = null)
    {
        var requests = cpu is null ? null : new ResourceRequirements { Requests = new() { ["cpu"] = cpu } };
        return new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Uid = $"uid-{ns}-{name}", Labels = labels },
            Spec = new PodSpec { NodeName = node, Priority = priority, Containers = [new Container { Name = "c", Resources = requests }] },
            Status = new PodStatus { StartTime = started },
        };
    }

    public static Dictionary<string, string> Labels(params string[] pairs) =>
        pairs.Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

    public static PodAffinityTerm Term(string topologyKey, string app, List<string>? namespaces = null, LabelSelector? namespaceSelector = null) => new()
    {
        TopologyKey = topologyKey,
        LabelSelector = new LabelSelector { MatchLabels = new() { ["app"] = app } },
        Namespaces = namespaces,
        NamespaceSelector = namespaceSelector,
    };

    public static Pod WithAffinity(this Pod pod, PodAffinityTerm? affinity = null, PodAffinityTerm? antiAffinity = null,
        WeightedPodAffinityTerm? preferred = null, WeightedPodAffinityTerm? preferredAnti = null)
    {
        pod.Spec.Affinity = new Affinity
        {
            PodAffinity = affinity is null && preferred is null ? null : new PodAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = affinity is null ? null : [affinity],
                PreferredDuringSchedulingIgnoredDuringExecution = preferred is null ? null : [preferred],
            },
            PodAntiAffinity = antiAffinity is null && preferredAnti is null ? null : new PodAntiAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = antiAffinity is null ? null : [antiAffinity],
                PreferredDuringSchedulingIgnoredDuringExecution = preferredAnti is null ? null : [preferredAnti],
            },
        };
        return pod;
    }

    public static Pod WithSpread(this Pod pod, string topologyKey, int maxSkew, string app, string whenUnsatisfiable = "DoNotSchedule", int? minDomains = null)
    {
        (pod.Spec.TopologySpreadConstraints ??= []).Add(new TopologySpreadConstraint
        {
            TopologyKey = topologyKey,
            MaxSkew = maxSkew,
            WhenUnsatisfiable = whenUnsatisfiable,
            LabelSelector = new LabelSelector { MatchLabels = new() { ["app"] = app } },
            MinDomains = minDomains,
        });
        return pod;
    }

    /// <summary>PreFilter then Filter of one plugin on every node: node name → status (Success included).</summary>
    public static Dictionary<string, Status> FilterAll(IPreFilterPlugin plugin, Pod pod, Snapshot snapshot)
    {
        var state = new CycleState();
        PodInfo info = PodInfo.Create(pod);
        Status pre = plugin.PreFilter(state, info, snapshot, out _);
        if (pre.IsSkip)
        {
            return snapshot.Nodes.ToDictionary(n => n.Name, _ => Status.Success);
        }
        Assert.True(pre.IsSuccess, pre.ToString());
        return snapshot.Nodes.ToDictionary(n => n.Name, n => ((IFilterPlugin)plugin).Filter(state, info, n));
    }

    /// <summary>PreScore, Score and NormalizeScore of one plugin over every node of the snapshot (all feasible).</summary>
    public static Dictionary<string, long> ScoreAll(INormalizeScorePlugin plugin, Pod pod, Snapshot snapshot)
    {
        var state = new CycleState();
        PodInfo info = PodInfo.Create(pod);
        NodeInfo[] nodes = [.. snapshot.Nodes];
        Status pre = ((IPreScorePlugin)plugin).PreScore(state, info, snapshot, nodes);
        if (pre.IsSkip)
        {
            return [];
        }
        Assert.True(pre.IsSuccess, pre.ToString());
        var scores = new long[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            Assert.True(plugin.Score(state, info, nodes[i], out scores[i]).IsSuccess);
        }
        Assert.True(plugin.NormalizeScore(state, info, nodes, scores).IsSuccess);
        return nodes.Select((n, i) => (n.Name, scores[i])).ToDictionary(p => p.Name, p => p.Item2);
    }
}
