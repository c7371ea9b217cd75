using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Scheduling.Cache;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling.Tests;

/// <summary>Builders for nodes and pods in the shapes the tests need.</summary>
internal static class Make
{
    public static Node Node(
        string name, string cpu = "4", string memory = "8Gi", string pods = "110",
        Dictionary<string, string>? labels = null, List<Taint>? taints = null, bool unschedulable = false,
        Dictionary<string, Quantity>? extra = null)
    {
        var allocatable = new Dictionary<string, Quantity> { ["cpu"] = cpu, ["memory"] = memory, ["pods"] = pods };
        foreach ((string k, Quantity v) in extra ?? [])
        {
            allocatable[k] = v;
        }
        var nodeLabels = new Dictionary<string, string>(labels ?? []) { [NodeClassTable.HostnameLabel] = name };
        return new Node
        {
            Metadata = new ObjectMeta { Name = name, Labels = nodeLabels },
            Spec = new NodeSpec { Taints = taints, Unschedulable = unschedulable ? true : null },
            Status = new NodeStatus { Allocatable = allocatable, Capacity = allocatable },
        };
    }

    public static Pod Pod(string name, string? cpu = null, string? memory = null, string? nodeName = null, string ns = "default")
    {
        var requests = new Dictionary<string, Quantity>();
        if (cpu is not null)
        {
            requests["cpu"] = cpu;
        }
        if (memory is not null)
        {
            requests["memory"] = memory;
        }
        return new Pod
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns, Uid = "uid-" + ns + "-" + name },
            Spec = new PodSpec
            {
                NodeName = nodeName,
                Containers = [new Container { Name = "c", Resources = requests.Count == 0 ? null : new ResourceRequirements { Requests = requests } }],
            },
        };
    }

    public static Container Container(string name, string? cpu = null, string? memory = null, string? restartPolicy = null)
    {
        var requests = new Dictionary<string, Quantity>();
        if (cpu is not null)
        {
            requests["cpu"] = cpu;
        }
        if (memory is not null)
        {
            requests["memory"] = memory;
        }
        return new Container { Name = name, RestartPolicy = restartPolicy, Resources = new ResourceRequirements { Requests = requests } };
    }

    public static NodeInfo NodeInfo(Node node, params Pod[] pods) =>
        Snapshot.Create([node], pods.Select(p => { p.Spec.NodeName = node.Metadata.Name; return p; })).Get(node.Metadata.Name!)!;

    public static Taint Taint(string key, string? value, string effect) => new() { Key = key, Value = value, Effect = effect };

    public static NodeSelectorRequirement Req(string key, string op, params string[] values) =>
        new() { Key = key, Operator = op, Values = values.Length == 0 ? null : [.. values] };

    public static Pod WithRequiredAffinity(this Pod pod, params NodeSelectorTerm[] terms)
    {
        pod.Spec.Affinity ??= new Affinity();
        pod.Spec.Affinity.NodeAffinity ??= new NodeAffinity();
        pod.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = [.. terms] };
        return pod;
    }

    public static Pod WithPreferredAffinity(this Pod pod, params PreferredSchedulingTerm[] terms)
    {
        pod.Spec.Affinity ??= new Affinity();
        pod.Spec.Affinity.NodeAffinity ??= new NodeAffinity();
        pod.Spec.Affinity.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution = [.. terms];
        return pod;
    }

    public static Pod WithTolerations(this Pod pod, params Toleration[] tolerations)
    {
        pod.Spec.Tolerations = [.. tolerations];
        return pod;
    }

    public static Pod WithHostPort(this Pod pod, int port, string? protocol = null, string? ip = null)
    {
        pod.Spec.Containers[0].Ports = [new ContainerPort { Port = port, HostPort = port, Protocol = protocol, HostIP = ip }];
        return pod;
    }

    public static Scheduler DefaultScheduler(int seed = 1, SchedulerProfile? profile = null) =>
        new(SchedulingFramework.Create(profile ?? DefaultProfile.Create(), InTreeRegistry.Create()), seed);

    public static ScheduleResult Schedule(this Scheduler scheduler, Pod pod, Snapshot snapshot) =>
        scheduler.Schedule(new CycleState(), PodInfo.Create(pod), snapshot);
}
