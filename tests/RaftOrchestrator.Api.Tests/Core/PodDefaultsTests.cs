using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class PodDefaultsTests
{
    [Fact]
    public void ApplyPod_BarePod_SpecAndContainerDefaults()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.Containers[0].Ports = [new ContainerPort { Port = 80 }];

        PodDefaults.ApplyPod(pod);

        PodSpec spec = pod.Spec;
        Assert.Equal("Always", spec.RestartPolicy);
        Assert.Equal("ClusterFirst", spec.DnsPolicy);
        Assert.Equal(30, spec.TerminationGracePeriodSeconds);
        Assert.Equal("default-scheduler", spec.SchedulerName);
        Assert.NotNull(spec.SecurityContext);
        Assert.True(spec.EnableServiceLinks);
        Container c = spec.Containers[0];
        Assert.Equal("/dev/termination-log", c.TerminationMessagePath);
        Assert.Equal("File", c.TerminationMessagePolicy);
        Assert.Equal("IfNotPresent", c.ImagePullPolicy);
        Assert.Equal("TCP", c.Ports![0].Protocol);
        Assert.Null(c.Ports[0].HostPort);
    }

    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("nginx:1.27", "IfNotPresent")]
    [InlineData("localhost:5000/nginx", "Always")]
    [InlineData("localhost:5000/team/nginx:2", "IfNotPresent")]
    [InlineData("nginx@sha256:0123abcd", "IfNotPresent")]
    [InlineData("nginx:latest@sha256:0123abcd", "Always")]
    public void PullPolicyFor_Image_AlwaysOnlyForLatestOrUntagged(string image, string expected) =>
        Assert.Equal(expected, PodDefaults.PullPolicyFor(image));

    [Fact]
    public void ApplyPod_Probes_TimingAndHttpDefaults()
    {
        Pod pod = PodFixtures.Minimal();
        Container c = pod.Spec.Containers[0];
        c.LivenessProbe = new Probe { HttpGet = new HTTPGetAction { Port = 8080 }, PeriodSeconds = 5 };
        c.ReadinessProbe = new Probe { Grpc = new GRPCAction { Port = 9000 } };
        c.Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { HttpGet = new HTTPGetAction { Port = 8080 } } };

        PodDefaults.ApplyPod(pod);

        Probe live = c.LivenessProbe;
        Assert.Equal((1, 5, 1, 3), (live.TimeoutSeconds, live.PeriodSeconds, live.SuccessThreshold, live.FailureThreshold));
        Assert.Equal(("/", "HTTP"), (live.HttpGet!.Path, live.HttpGet.Scheme));
        Assert.Equal("", c.ReadinessProbe.Grpc!.Service);
        Assert.Equal("HTTP", c.Lifecycle.PreStop.HttpGet.Scheme);
    }

    [Fact]
    public void ApplyPod_Volumes_DefaultModesAndEmptyDirForNoSource()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.Volumes =
        [
            new Volume { Name = "none" },
            new Volume { Name = "cm", ConfigMap = new ConfigMapVolumeSource { Name = "c" } },
            new Volume { Name = "s", Secret = new SecretVolumeSource { SecretName = "s", DefaultMode = 256 } },
            new Volume { Name = "d", DownwardAPI = new DownwardAPIVolumeSource { Items = [new DownwardAPIVolumeFile { Path = "n", FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } }] } },
            new Volume { Name = "p", Projected = new ProjectedVolumeSource { Sources = [new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = "t" } }] } },
            new Volume { Name = "h", HostPath = new HostPathVolumeSource { Path = "/var" } },
            new Volume { Name = "e", EmptyDir = new EmptyDirVolumeSource() },
        ];

        PodDefaults.ApplyPod(pod);

        List<Volume> v = pod.Spec.Volumes;
        Assert.NotNull(v[0].EmptyDir);
        Assert.Equal(420, v[1].ConfigMap!.DefaultMode);
        Assert.Equal(256, v[2].Secret!.DefaultMode);
        Assert.Equal(420, v[3].DownwardAPI!.DefaultMode);
        Assert.Equal("v1", v[3].DownwardAPI!.Items![0].FieldRef!.ApiVersion);
        Assert.Equal(420, v[4].Projected!.DefaultMode);
        Assert.Equal(3600, v[4].Projected!.Sources![0].ServiceAccountToken!.ExpirationSeconds);
        Assert.Equal("", v[5].HostPath!.Type);
        Assert.Null(v[6].EmptyDir!.Medium);
    }

    [Fact]
    public void ApplyPod_LimitsOnly_RequestsCopiedPerResource()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.Containers[0].Resources = new ResourceRequirements
        {
            Limits = new() { ["cpu"] = "500m", ["memory"] = "1Gi" },
            Requests = new() { ["cpu"] = "100m" },
        };

        PodDefaults.ApplyPod(pod);

        Dictionary<string, Quantity> requests = pod.Spec.Containers[0].Resources!.Requests!;
        Assert.Equal("100m", requests["cpu"].Text);
        Assert.Equal("1Gi", requests["memory"].Text);
    }

    [Fact]
    public void ApplySpec_Template_NoRequestsFromLimitsNorServiceLinks()
    {
        var spec = new PodSpec { Containers = [new Container { Name = "a", Image = "x", Resources = new() { Limits = new() { ["cpu"] = "1" } } }] };

        PodDefaults.ApplySpec(spec);

        Assert.Null(spec.Containers[0].Resources!.Requests);
        Assert.Null(spec.EnableServiceLinks);
    }

    [Fact]
    public void ApplyPod_HostNetwork_HostPortFollowsContainerPort()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.HostNetwork = true;
        pod.Spec.Containers[0].Ports = [new ContainerPort { Port = 9100 }];

        PodDefaults.ApplyPod(pod);

        Assert.Equal(9100, pod.Spec.Containers[0].Ports![0].HostPort);
    }

    [Fact]
    public void ApplyPod_DeprecatedServiceAccount_MirroredBothWays()
    {
        Pod old = PodFixtures.Minimal();
        old.Spec.DeprecatedServiceAccount = "legacy";
        Pod current = PodFixtures.Minimal();
        current.Spec.ServiceAccountName = "builder";

        PodDefaults.ApplyPod(old);
        PodDefaults.ApplyPod(current);

        Assert.Equal(("legacy", "legacy"), (old.Spec.ServiceAccountName, old.Spec.DeprecatedServiceAccount));
        Assert.Equal(("builder", "builder"), (current.Spec.ServiceAccountName, current.Spec.DeprecatedServiceAccount));
    }
}
