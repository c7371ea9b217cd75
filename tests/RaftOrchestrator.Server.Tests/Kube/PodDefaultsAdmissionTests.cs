using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Server.Kube.Admission;
using RaftOrchestrator.Server.Kube.Auth;
using RaftOrchestrator.Server.Tests.Harness;

namespace RaftOrchestrator.Server.Tests.Kube;

/// <summary>DefaultTolerationSeconds (and the service account default) of the pod create path.</summary>
[Collection(ServerCollection.Name)]
public sealed class PodDefaultsAdmissionTests(ServerFixture server)
{
    private const string NotReady = "node.kubernetes.io/not-ready";
    private const string Unreachable = "node.kubernetes.io/unreachable";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Pod> AdmitAsync(Pod pod, AdmissionOperation operation = AdmissionOperation.Create)
    {
        var request = new AdmissionRequest(operation, ApiCatalog.Default.Find("", "pods")!, null, pod, null, "default", pod.Metadata.Name ?? "", UserInfo.Anonymous, false);
        Assert.Null(await new PodDefaultsAdmission().AdmitAsync(request, Ct));
        return pod;
    }

    private static Pod NewPod(params Toleration[] tolerations) => new()
    {
        Metadata = new ObjectMeta { Namespace = "default", Name = "web" },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "nginx" }], Tolerations = tolerations.Length == 0 ? null : [.. tolerations] },
    };

    private static (string?, string?, string?, long?) Shape(Toleration t) => (t.Key, t.Operator, t.Effect, t.TolerationSeconds);

    [Fact]
    public async Task Admit_CreateWithoutTolerations_Adds300SecondsForNotReadyAndUnreachable()
    {
        Pod pod = await AdmitAsync(NewPod());

        Assert.Equal(
            [(NotReady, "Exists", "NoExecute", 300L), (Unreachable, "Exists", "NoExecute", 300L)],
            pod.Spec.Tolerations!.Select(Shape));
    }

    [Fact]
    public async Task Admit_PodAlreadyToleratesOne_OnlyTheOtherAdded()
    {
        Pod pod = await AdmitAsync(NewPod(new Toleration { Key = Unreachable, Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 5 }));

        Assert.Equal(
            [(Unreachable, "Exists", "NoExecute", 5L), (NotReady, "Exists", "NoExecute", 300L)],
            pod.Spec.Tolerations!.Select(Shape));
    }

    [Fact]
    public async Task Admit_TolerateEverything_NothingAdded()
    {
        Pod pod = await AdmitAsync(NewPod(new Toleration { Operator = "Exists" }));

        Assert.Equal([(null, "Exists", null, null)], pod.Spec.Tolerations!.Select(Shape));
    }

    [Fact]
    public async Task Admit_NoScheduleTolerationOnly_StillAddsNoExecuteDefaults()
    {
        Pod pod = await AdmitAsync(NewPod(new Toleration { Key = NotReady, Operator = "Exists", Effect = "NoSchedule" }));

        Assert.Equal(3, pod.Spec.Tolerations!.Count);
        Assert.Contains((NotReady, "Exists", "NoExecute", 300L), pod.Spec.Tolerations.Select(Shape));
    }

    [Fact]
    public async Task Admit_Update_Unchanged()
    {
        Pod pod = await AdmitAsync(NewPod(), AdmissionOperation.Update);

        Assert.Null(pod.Spec.Tolerations);
    }

    [Fact]
    public async Task Create_ThroughTheServer_StoredPodCarriesTheDefaultTolerations()
    {
        string ns = $"tolerations-{Guid.NewGuid():N}"[..24];
        (await server.InProcess.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = ns } }, cancellationToken: Ct)).Unwrap();
        Pod pod = NewPod();
        pod.Metadata.Namespace = ns;

        Pod created = (await server.InProcess.Resource<Pod>().CreateAsync(pod, cancellationToken: Ct)).Unwrap();
        Pod read = (await server.InProcess.Resource<Pod>().GetAsync(ns, "web", Ct)).Unwrap();

        Assert.Equal(created.Spec.Tolerations!.Select(Shape), read.Spec.Tolerations!.Select(Shape));
        Assert.NotNull(read.Spec.Tolerations);
        Assert.Contains((NotReady, "Exists", "NoExecute", 300L), read.Spec.Tolerations.Select(Shape));
        Assert.Contains((Unreachable, "Exists", "NoExecute", 300L), read.Spec.Tolerations.Select(Shape));
    }
}
