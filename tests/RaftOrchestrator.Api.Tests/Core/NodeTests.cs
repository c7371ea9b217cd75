using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class NodeTests
{
    private static readonly DateTime s_now = new(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc);
    private readonly NodeResourceStrategy _strategy = new();

    /// <summary>A node as a 1.32 kubelet registers it (trimmed to one image).</summary>
    private const string Manifest = """
        {"apiVersion":"v1","kind":"Node",
         "metadata":{"name":"worker-1","uid":"0b1e","resourceVersion":"9911","creationTimestamp":"2026-03-01T12:00:00Z",
           "labels":{"kubernetes.io/hostname":"worker-1","kubernetes.io/os":"linux","node-role.kubernetes.io/worker":"","node-role.kubernetes.io/ingress":""},
           "annotations":{"node.alpha.kubernetes.io/ttl":"0","volumes.kubernetes.io/controller-managed-attach-detach":"true"}},
         "spec":{"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"],"providerID":"kind://docker/kind/worker-1","unschedulable":true,
           "taints":[{"key":"node.kubernetes.io/unschedulable","effect":"NoSchedule","timeAdded":"2026-03-02T08:00:00Z"}]},
         "status":{
           "capacity":{"cpu":"8","ephemeral-storage":"102625208Ki","hugepages-2Mi":"0","memory":"32798564Ki","pods":"110"},
           "allocatable":{"cpu":"8","ephemeral-storage":"102625208Ki","hugepages-2Mi":"0","memory":"32798564Ki","pods":"110"},
           "conditions":[
             {"type":"MemoryPressure","status":"False","lastHeartbeatTime":"2026-03-03T11:59:00Z","lastTransitionTime":"2026-03-01T12:00:00Z","reason":"KubeletHasSufficientMemory","message":"kubelet has sufficient memory available"},
             {"type":"Ready","status":"True","lastHeartbeatTime":"2026-03-03T11:59:00Z","lastTransitionTime":"2026-03-01T12:00:30Z","reason":"KubeletReady","message":"kubelet is posting ready status"}],
           "addresses":[{"type":"InternalIP","address":"172.18.0.3"},{"type":"Hostname","address":"worker-1"}],
           "daemonEndpoints":{"kubeletEndpoint":{"Port":10250}},
           "nodeInfo":{"machineID":"a1","systemUUID":"b2","bootID":"c3","kernelVersion":"6.8.0-45-generic","osImage":"Debian GNU/Linux 12 (bookworm)",
             "containerRuntimeVersion":"containerd://1.7.18","kubeletVersion":"v1.32.0","kubeProxyVersion":"v1.32.0","operatingSystem":"linux","architecture":"amd64","swap":{}},
           "images":[{"names":["registry.k8s.io/pause@sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097","registry.k8s.io/pause:3.10"],"sizeBytes":320368}],
           "volumesInUse":["kubernetes.io/csi/hostpath^vol-1"],
           "volumesAttached":[{"name":"kubernetes.io/csi/hostpath^vol-1","devicePath":""}],
           "runtimeHandlers":[{"name":"","features":{"recursiveReadOnlyMounts":true,"userNamespaces":true}},{"name":"runc","features":{"recursiveReadOnlyMounts":true,"userNamespaces":true}}],
           "features":{"supplementalGroupsPolicy":true}}}
        """;

    [Fact]
    public void Json_RealisticManifest_DecodesStrictlyAndRoundTrips()
    {
        Node node = ModelJson.AssertRoundTrip<Node>(Manifest);

        Assert.Equal(10250, node.Status!.DaemonEndpoints!.KubeletEndpoint!.Port);
        Assert.Equal("32798564Ki", node.Status.Capacity!["memory"].Text);
        Assert.Contains("\"Port\":10250", ModelJson.Write(node), StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyDefaults_NoAllocatable_CopiesCapacity()
    {
        var node = new Node { Status = new NodeStatus { Capacity = new() { ["cpu"] = "4" } } };

        _strategy.ApplyDefaults(node);

        Assert.Equal("4", node.Status.Allocatable!["cpu"].Text);
        Assert.NotSame(node.Status.Capacity, node.Status.Allocatable);
    }

    [Fact]
    public void PrepareForUpdate_NewStatus_KeepsOldStatus()
    {
        Node old = ModelJson.Strict<Node>(Manifest);
        var update = new Node { Metadata = { Name = "worker-1" }, Status = new NodeStatus { Phase = "Running" } };

        _strategy.PrepareForUpdate(update, old);

        Assert.Same(old.Status, update.Status);
    }

    [Theory]
    [InlineData("NoSchedule", null)]
    [InlineData("NoExecute", null)]
    [InlineData("Sometimes", "FieldValueNotSupported")]
    [InlineData("", "FieldValueRequired")]
    public void Validate_TaintEffect_OneOfThree(string effect, string? expected)
    {
        var errors = new FieldErrorList();

        _strategy.Validate(new Node { Spec = new NodeSpec { Taints = [new Taint { Key = "dedicated", Effect = effect }] } }, errors);

        Assert.Equal(expected, errors.SingleOrDefault()?.Type);
        Assert.All(errors, e => Assert.Equal("spec.taints[0].effect", e.Field));
    }

    [Fact]
    public void Validate_TaintKeyAndDuplicate_ReportedWithPaths()
    {
        var errors = new FieldErrorList();
        var spec = new NodeSpec
        {
            Taints =
            [
                new Taint { Key = "a", Value = "x", Effect = "NoSchedule" },
                new Taint { Key = "a", Value = "y", Effect = "NoSchedule" },
                new Taint { Key = "-bad", Effect = "NoExecute" },
            ],
        };

        _strategy.Validate(new Node { Spec = spec }, errors);

        Assert.Equal(["spec.taints[1]", "spec.taints[2].key"], errors.Select(e => e.Field));
        Assert.Equal("FieldValueDuplicate", errors[0].Type);
    }

    [Fact]
    public void Validate_BadAndSameFamilyCidrs_Invalid()
    {
        var errors = new FieldErrorList();

        _strategy.Validate(new Node { Spec = new NodeSpec { PodCIDRs = ["10.0.0.0/33", "10.1.0.0/16"] } }, errors);
        _strategy.Validate(new Node { Spec = new NodeSpec { PodCIDRs = ["10.0.0.0/24", "10.1.0.0/24"] } }, errors);
        _strategy.Validate(new Node { Spec = new NodeSpec { PodCIDRs = ["10.0.0.0/24", "fd00::/64"], PodCIDR = "10.0.0.0/24" } }, errors);

        Assert.Equal(["spec.podCIDRs[0]", "spec.podCIDRs"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ValidateUpdate_ChangedPodCidrAndProviderId_Forbidden()
    {
        Node old = ModelJson.Strict<Node>(Manifest);
        Node update = ModelJson.Strict<Node>(Manifest);
        update.Spec!.PodCIDR = "10.244.2.0/24";
        update.Spec.PodCIDRs = ["10.244.2.0/24"];
        update.Spec.ProviderID = "kind://docker/kind/other";
        var errors = new FieldErrorList();

        _strategy.ValidateUpdate(update, old, errors);

        Assert.Equal(["spec.podCIDRs", "spec.podCIDR", "spec.providerID"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("FieldValueForbidden", e.Type));
    }

    [Fact]
    public void ValidateUpdate_PodCidrFromEmpty_Allowed()
    {
        var old = new Node { Spec = new NodeSpec() };
        var update = new Node { Spec = new NodeSpec { PodCIDR = "10.244.2.0/24", PodCIDRs = ["10.244.2.0/24"] } };
        var errors = new FieldErrorList();

        _strategy.ValidateUpdate(update, old, errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void TableRow_CordonedReadyNode_AllColumns()
    {
        Node node = ModelJson.Strict<Node>(Manifest);
        var cells = new List<object?>();

        _strategy.TableRow(node, s_now, cells);

        Assert.Equal(["Status", "Roles", "Age", "Version", "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime"],
            _strategy.Columns.Select(c => c.Name));
        Assert.Equal(["Ready,SchedulingDisabled", "ingress,worker", "2d", "v1.32.0", "172.18.0.3", "<none>",
            "Debian GNU/Linux 12 (bookworm)", "6.8.0-45-generic", "containerd://1.7.18"], cells);
        Assert.Equal(5, _strategy.Columns.Count(c => c.Priority == 1));
    }

    [Fact]
    public void StatusText_ReadyConditionFalseOrMissing_NotReadyOrUnknown()
    {
        var notReady = new Node { Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "False" }] } };
        var unknown = new Node { Status = new NodeStatus { Conditions = [new NodeCondition { Type = "MemoryPressure", Status = "False" }] } };

        Assert.Equal("NotReady", NodeResourceStrategy.StatusText(notReady));
        Assert.Equal("Unknown", NodeResourceStrategy.StatusText(unknown));
        Assert.Equal("Unknown", NodeResourceStrategy.StatusText(new Node()));
    }

    [Fact]
    public void Roles_NoRoleLabels_None()
    {
        var node = new Node { Metadata = new ObjectMeta { Labels = new() { ["kubernetes.io/role"] = "master", ["node-role.kubernetes.io/"] = "" } } };
        var cells = new List<object?>();

        _strategy.TableRow(new Node(), s_now, cells);

        Assert.Equal(["master"], NodeResourceStrategy.Roles(node));
        Assert.Equal("<none>", cells[1]);
    }

    [Fact]
    public void TryGetField_Unschedulable_TrueOrFalse()
    {
        Node node = ModelJson.Strict<Node>(Manifest);

        Assert.True(_strategy.TryGetField(node, "spec.unschedulable", out string? cordoned));
        Assert.True(_strategy.TryGetField(new Node(), "spec.unschedulable", out string? schedulable));
        Assert.Equal("true", cordoned);
        Assert.Equal("false", schedulable);
        Assert.False(_strategy.TryGetField(node, "status.phase", out _));
    }
}
