using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Client;
using RaftOrchestrator.Server.Tests.Harness;

namespace RaftOrchestrator.Server.Tests;

/// <summary>
/// The Priority admission and the PriorityClass kind through a real server: classes resolve to pod priorities at
/// create, refusals are Kubernetes' 403s, the system classes exist from the start and stay. Classes are cluster-wide,
/// so each test uses names of its own, and the one test that makes a global default removes it before it ends.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PriorityAdmissionTests(ServerFixture server)
{
    private const string Ns = "prio";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IResourceClient<PriorityClass> Classes => server.InProcess.Resource<PriorityClass>();

    private IResourceClient<Pod> Pods => server.InProcess.Resource<Pod>();

    private static PriorityClass Class(string name, int value, bool globalDefault = false, string? policy = null) => new()
    {
        Metadata = { Name = name },
        Value = value,
        GlobalDefault = globalDefault,
        PreemptionPolicy = policy,
    };

    private static Pod PodOf(string name, string? className = null, int? priority = null) => new()
    {
        Metadata = new ObjectMeta { Namespace = Ns, Name = name },
        Spec = new PodSpec
        {
            Containers = [new Container { Name = "main", Image = "busybox:1" }],
            PriorityClassName = className,
            Priority = priority,
        },
    };

    private async Task EnsureNamespaceAsync()
    {
        ApiResult<Namespace> created = await server.InProcess.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new() { Name = Ns } }, cancellationToken: Ct);
        Assert.True(created.IsOk || created.IsAlreadyExists, created.ToString());
    }

    private static async Task<T> OkAsync<T>(Task<ApiResult<T>> call)
    {
        ApiResult<T> result = await call;
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    [Fact]
    public async Task SystemClasses_ExistAtStart_AndCannotBeDeleted()
    {
        ApiResult<PriorityClass> node = default;
        for (int i = 0; i < 100 && !(node = await Classes.GetAsync(null, "system-node-critical", Ct)).IsOk; i++)
        {
            await Task.Delay(100, Ct);
        }
        PriorityClass cluster = await OkAsync(Classes.GetAsync(null, "system-cluster-critical", Ct));

        ApiResult<PriorityClass> deleted = await Classes.DeleteAsync(null, "system-cluster-critical", cancellationToken: Ct);

        Assert.True(node.IsOk, node.ToString());
        Assert.Equal(2_000_001_000, node.Value.Value);
        Assert.Equal(2_000_000_000, cluster.Value);
        Assert.Equal("PreemptLowerPriority", cluster.PreemptionPolicy);
        Assert.False(cluster.GlobalDefault);
        Assert.Equal(403, deleted.Code);
        Assert.Equal("priorityclasses.scheduling.k8s.io \"system-cluster-critical\" is forbidden: this is a system priority class and cannot be deleted", deleted.Error!.Message);
        Assert.True((await Classes.GetAsync(null, "system-cluster-critical", Ct)).IsOk);
    }

    [Fact]
    public async Task Create_NamedClass_ResolvesPriorityAndPolicy()
    {
        await EnsureNamespaceAsync();
        await OkAsync(Classes.CreateAsync(Class("pa-high", 1000), cancellationToken: Ct));
        await OkAsync(Classes.CreateAsync(Class("pa-quiet", 500, policy: "Never"), cancellationToken: Ct));

        Pod high = await OkAsync(Pods.CreateAsync(PodOf("pa-high-pod", "pa-high"), cancellationToken: Ct));
        Pod quiet = await OkAsync(Pods.CreateAsync(PodOf("pa-quiet-pod", "pa-quiet"), cancellationToken: Ct));
        Pod critical = await OkAsync(Pods.CreateAsync(PodOf("pa-critical-pod", "system-node-critical"), cancellationToken: Ct));
        Pod matching = await OkAsync(Pods.CreateAsync(PodOf("pa-matching-pod", "pa-high", priority: 1000), cancellationToken: Ct));

        Assert.Equal((1000, "PreemptLowerPriority"), (high.Spec.Priority, high.Spec.PreemptionPolicy));
        Assert.Equal((500, "Never"), (quiet.Spec.Priority, quiet.Spec.PreemptionPolicy));
        Assert.Equal(2_000_001_000, critical.Spec.Priority);
        Assert.Equal(1000, matching.Spec.Priority);
        Assert.Equal(1000, (await OkAsync(Pods.GetAsync(Ns, "pa-high-pod", Ct))).Spec.Priority);
    }

    [Fact]
    public async Task Create_NoClassAndNoDefault_PriorityZero()
    {
        await EnsureNamespaceAsync();

        Pod pod = await OkAsync(Pods.CreateAsync(PodOf("pa-plain"), cancellationToken: Ct));

        Assert.Equal(0, pod.Spec.Priority);
        Assert.Equal("PreemptLowerPriority", pod.Spec.PreemptionPolicy);
        Assert.True(string.IsNullOrEmpty(pod.Spec.PriorityClassName));
    }

    [Fact]
    public async Task Create_UnknownClassOrConflictingValues_Forbidden()
    {
        await EnsureNamespaceAsync();
        await OkAsync(Classes.CreateAsync(Class("pa-ten", 10), cancellationToken: Ct));
        Pod withPolicy = PodOf("pa-policy", "pa-ten");
        withPolicy.Spec.PreemptionPolicy = "Never";

        ApiResult<Pod> unknown = await Pods.CreateAsync(PodOf("pa-unknown", "pa-missing"), cancellationToken: Ct);
        ApiResult<Pod> wrongValue = await Pods.CreateAsync(PodOf("pa-wrong", "pa-ten", priority: 11), cancellationToken: Ct);
        ApiResult<Pod> wrongPolicy = await Pods.CreateAsync(withPolicy, cancellationToken: Ct);
        ApiResult<Pod> noClassButPriority = await Pods.CreateAsync(PodOf("pa-self", priority: 5), cancellationToken: Ct);

        Assert.Equal((403, "Forbidden"), (unknown.Code, unknown.Reason));
        Assert.Equal("pods \"pa-unknown\" is forbidden: no PriorityClass with name pa-missing was found", unknown.Error!.Message);
        Assert.Equal(403, wrongValue.Code);
        Assert.Equal("pods \"pa-wrong\" is forbidden: the integer value of priority (11) must not be provided in pod spec; priority admission controller computed 10 from the given PriorityClass name", wrongValue.Error!.Message);
        Assert.Equal(403, wrongPolicy.Code);
        Assert.Contains("the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority", wrongPolicy.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(403, noClassButPriority.Code);
        Assert.False((await Pods.GetAsync(Ns, "pa-unknown", Ct)).IsOk);
    }

    [Fact]
    public async Task Update_PriorityLeftOut_IsKept()
    {
        await EnsureNamespaceAsync();
        await OkAsync(Classes.CreateAsync(Class("pa-keep", 77), cancellationToken: Ct));
        Pod created = await OkAsync(Pods.CreateAsync(PodOf("pa-keep-pod", "pa-keep"), cancellationToken: Ct));
        created.Spec.Priority = null;
        created.Spec.PreemptionPolicy = null;
        created.Spec.Containers[0].Image = "busybox:2";

        Pod updated = await OkAsync(Pods.UpdateAsync(created, cancellationToken: Ct));

        Assert.Equal((77, "PreemptLowerPriority", "busybox:2"), (updated.Spec.Priority, updated.Spec.PreemptionPolicy, updated.Spec.Containers[0].Image));
    }

    [Fact]
    public async Task GlobalDefault_AppliesToPodsWithoutClass_AndOnlyOneMayExist()
    {
        await EnsureNamespaceAsync();
        await OkAsync(Classes.CreateAsync(Class("pa-default", 42, globalDefault: true, policy: "Never"), cancellationToken: Ct));
        try
        {
            ApiResult<PriorityClass> second = await Classes.CreateAsync(Class("pa-default-2", 43, globalDefault: true), cancellationToken: Ct);
            PriorityClass plain = await OkAsync(Classes.CreateAsync(Class("pa-not-default", 44), cancellationToken: Ct));
            plain.GlobalDefault = true;
            ApiResult<PriorityClass> promoted = await Classes.UpdateAsync(plain, cancellationToken: Ct);
            PriorityClass self = await OkAsync(Classes.GetAsync(null, "pa-default", Ct));
            self.Description = "still the default";
            ApiResult<PriorityClass> selfUpdate = await Classes.UpdateAsync(self, cancellationToken: Ct);

            Pod pod = await OkAsync(Pods.CreateAsync(PodOf("pa-defaulted"), cancellationToken: Ct));

            Assert.Equal(403, second.Code);
            Assert.Equal("priorityclasses.scheduling.k8s.io \"pa-default-2\" is forbidden: PriorityClass pa-default is already marked as default. Only one default can exist", second.Error!.Message);
            Assert.Equal(403, promoted.Code);
            Assert.True(selfUpdate.IsOk, selfUpdate.ToString());
            Assert.Equal(("pa-default", 42, "Never"), (pod.Spec.PriorityClassName, pod.Spec.Priority, pod.Spec.PreemptionPolicy));
        }
        finally
        {
            await Classes.DeleteAsync(null, "pa-default", cancellationToken: Ct);
        }
        Pod after = await OkAsync(Pods.CreateAsync(PodOf("pa-after-default"), cancellationToken: Ct));
        Assert.Equal(0, after.Spec.Priority);
    }

    [Fact]
    public async Task PriorityClass_InvalidValuesAndImmutableValue_Invalid()
    {
        ApiResult<PriorityClass> tooHigh = await Classes.CreateAsync(Class("pa-too-high", 1_000_000_001), cancellationToken: Ct);
        ApiResult<PriorityClass> reserved = await Classes.CreateAsync(Class("system-pa", 1), cancellationToken: Ct);
        PriorityClass fixedValue = await OkAsync(Classes.CreateAsync(Class("pa-fixed", 3), cancellationToken: Ct));
        fixedValue.Value = 4;
        ApiResult<PriorityClass> changed = await Classes.UpdateAsync(fixedValue, cancellationToken: Ct);

        Assert.Equal(422, tooHigh.Code);
        Assert.Equal("PriorityClass \"pa-too-high\" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000", tooHigh.Error!.Message);
        Assert.Equal(422, reserved.Code);
        Assert.Equal(422, changed.Code);
        Assert.Contains("value: Forbidden: may not be changed in an update.", changed.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("PreemptLowerPriority", fixedValue.PreemptionPolicy);
    }
}
