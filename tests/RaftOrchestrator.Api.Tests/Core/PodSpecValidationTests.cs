using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class PodSpecValidationTests
{
    [Fact]
    public void Validate_MinimalPod_NoErrors() => Assert.Empty(PodFixtures.DefaultAndValidate(PodFixtures.Minimal()));

    [Theory]
    [InlineData("noContainers", "spec.containers", "FieldValueRequired")]
    [InlineData("badName", "spec.containers[0].name", "FieldValueInvalid")]
    [InlineData("duplicateAcrossInit", "spec.containers[0].name", "FieldValueDuplicate")]
    [InlineData("noImage", "spec.containers[0].image", "FieldValueRequired")]
    [InlineData("portZero", "spec.containers[0].ports[0].containerPort", "FieldValueInvalid")]
    [InlineData("portTooHigh", "spec.containers[0].ports[0].containerPort", "FieldValueInvalid")]
    [InlineData("portName", "spec.containers[0].ports[0].name", "FieldValueInvalid")]
    [InlineData("protocol", "spec.containers[0].ports[0].protocol", "FieldValueNotSupported")]
    [InlineData("restartPolicy", "spec.restartPolicy", "FieldValueNotSupported")]
    [InlineData("dnsPolicy", "spec.dnsPolicy", "FieldValueNotSupported")]
    [InlineData("requestOverLimit", "spec.containers[0].resources.requests[cpu]", "FieldValueInvalid")]
    [InlineData("duplicateVolume", "spec.volumes[1].name", "FieldValueDuplicate")]
    [InlineData("mountWithoutVolume", "spec.containers[0].volumeMounts[0].name", "FieldValueNotFound")]
    [InlineData("envName", "spec.containers[0].env[0].name", "FieldValueInvalid")]
    [InlineData("envValueAndFrom", "spec.containers[0].env[0].valueFrom", "FieldValueInvalid")]
    [InlineData("tolerationOperator", "spec.tolerations[0].operator", "FieldValueNotSupported")]
    [InlineData("tolerationEffect", "spec.tolerations[0].effect", "FieldValueNotSupported")]
    [InlineData("tolerationExistsWithValue", "spec.tolerations[0].operator", "FieldValueInvalid")]
    [InlineData("tolerationSecondsNotNoExecute", "spec.tolerations[0].effect", "FieldValueInvalid")]
    [InlineData("nodeSelectorKey", "spec.nodeSelector", "FieldValueInvalid")]
    [InlineData("negativeGrace", "spec.terminationGracePeriodSeconds", "FieldValueInvalid")]
    [InlineData("livenessSuccess", "spec.containers[0].livenessProbe.successThreshold", "FieldValueInvalid")]
    [InlineData("probeWithoutHandler", "spec.containers[0].readinessProbe", "FieldValueRequired")]
    [InlineData("probeTwoHandlers", "spec.containers[0].readinessProbe", "FieldValueForbidden")]
    [InlineData("restartPolicyOnContainer", "spec.containers[0].restartPolicy", "FieldValueForbidden")]
    [InlineData("probeOnInit", "spec.initContainers[0].readinessProbe", "FieldValueForbidden")]
    [InlineData("twoVolumeSources", "spec.volumes[0]", "FieldValueForbidden")]
    [InlineData("configMapNoName", "spec.volumes[0].configMap.name", "FieldValueRequired")]
    [InlineData("defaultMode", "spec.volumes[0].secret.defaultMode", "FieldValueInvalid")]
    [InlineData("spreadSkew", "spec.topologySpreadConstraints[0].maxSkew", "FieldValueInvalid")]
    [InlineData("activeDeadline", "spec.activeDeadlineSeconds", "FieldValueInvalid")]
    public void Validate_BrokenRule_ErrorOnItsField(string broken, string field, string type)
    {
        Pod pod = PodFixtures.Minimal();
        PodSpec spec = pod.Spec;
        Container c = spec.Containers[0];
        switch (broken)
        {
            case "noContainers": spec.Containers.Clear(); break;
            case "badName": c.Name = "Web_1"; break;
            case "duplicateAcrossInit": spec.InitContainers = [new Container { Name = "web", Image = "busybox" }]; break;
            case "noImage": c.Image = null; break;
            case "portZero": c.Ports = [new ContainerPort { Port = 0 }]; break;
            case "portTooHigh": c.Ports = [new ContainerPort { Port = 65536 }]; break;
            case "portName": c.Ports = [new ContainerPort { Port = 80, Name = "HTTP" }]; break;
            case "protocol": c.Ports = [new ContainerPort { Port = 80, Protocol = "ICMP" }]; break;
            case "restartPolicy": spec.RestartPolicy = "Sometimes"; break;
            case "dnsPolicy": spec.DnsPolicy = "Google"; break;
            case "requestOverLimit": c.Resources = new() { Requests = new() { ["cpu"] = "2" }, Limits = new() { ["cpu"] = "500m" } }; break;
            case "duplicateVolume": spec.Volumes = [new Volume { Name = "a" }, new Volume { Name = "a" }]; break;
            case "mountWithoutVolume": c.VolumeMounts = [new VolumeMount { Name = "data", MountPath = "/data" }]; break;
            case "envName": c.Env = [new EnvVar { Name = "1X" }]; break;
            case "envValueAndFrom": c.Env = [new EnvVar { Name = "X", Value = "v", ValueFrom = new() { FieldRef = new() { FieldPath = "metadata.name" } } }]; break;
            case "tolerationOperator": spec.Tolerations = [new Toleration { Key = "k", Operator = "Like" }]; break;
            case "tolerationEffect": spec.Tolerations = [new Toleration { Key = "k", Value = "v", Effect = "NoRun" }]; break;
            case "tolerationExistsWithValue": spec.Tolerations = [new Toleration { Key = "k", Operator = "Exists", Value = "v" }]; break;
            case "tolerationSecondsNotNoExecute": spec.Tolerations = [new Toleration { Key = "k", Operator = "Exists", Effect = "NoSchedule", TolerationSeconds = 5 }]; break;
            case "nodeSelectorKey": spec.NodeSelector = new() { ["bad key"] = "v" }; break;
            case "negativeGrace": spec.TerminationGracePeriodSeconds = -1; break;
            case "livenessSuccess": c.LivenessProbe = new Probe { TcpSocket = new() { Port = 80 }, SuccessThreshold = 2 }; break;
            case "probeWithoutHandler": c.ReadinessProbe = new Probe(); break;
            case "probeTwoHandlers": c.ReadinessProbe = new Probe { TcpSocket = new() { Port = 80 }, Exec = new() { Command = ["true"] } }; break;
            case "restartPolicyOnContainer": c.RestartPolicy = "Always"; break;
            case "probeOnInit": spec.InitContainers = [new Container { Name = "init", Image = "x", ReadinessProbe = new Probe { Exec = new() } }]; break;
            case "twoVolumeSources": spec.Volumes = [new Volume { Name = "a", EmptyDir = new(), HostPath = new() { Path = "/x" } }]; break;
            case "configMapNoName": spec.Volumes = [new Volume { Name = "a", ConfigMap = new() }]; break;
            case "defaultMode": spec.Volumes = [new Volume { Name = "a", Secret = new() { SecretName = "s", DefaultMode = 512 } }]; break;
            case "spreadSkew": spec.TopologySpreadConstraints = [new() { MaxSkew = 0, TopologyKey = "zone", WhenUnsatisfiable = "DoNotSchedule" }]; break;
            case "activeDeadline": spec.ActiveDeadlineSeconds = 0; break;
        }

        FieldErrorList errors = PodFixtures.DefaultAndValidate(pod);

        Assert.Contains(errors, e => e.Field == field && e.Type == type);
    }

    [Fact]
    public void Validate_RequestOverLimit_KubernetesMessage()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.Containers[0].Resources = new() { Requests = new() { ["memory"] = "2Gi" }, Limits = new() { ["memory"] = "1Gi" } };

        FieldError error = Assert.Single(PodFixtures.DefaultAndValidate(pod));

        Assert.Equal("Invalid value: \"2Gi\": must be less than or equal to memory limit of 1Gi", error.Message);
    }

    [Fact]
    public void Validate_SidecarInitContainer_ProbesAllowed()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.InitContainers = [new Container { Name = "proxy", Image = "envoy", RestartPolicy = "Always", ReadinessProbe = new Probe { TcpSocket = new() { Port = 9901 } } }];

        Assert.Empty(PodFixtures.DefaultAndValidate(pod));
    }

    [Fact]
    public void Validate_MountsReferencingVolumes_NoErrors()
    {
        Pod pod = PodFixtures.Minimal();
        pod.Spec.Volumes = [new Volume { Name = "data", EmptyDir = new() }, new Volume { Name = "cfg", ConfigMap = new() { Name = "c", Items = [new() { Key = "a", Path = "a.txt" }] } }];
        pod.Spec.Containers[0].VolumeMounts = [new VolumeMount { Name = "data", MountPath = "/data" }, new VolumeMount { Name = "cfg", MountPath = "/etc/cfg" }];
        pod.Spec.Tolerations = [new Toleration { Operator = "Exists" }, new Toleration { Key = "k", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 30 }];

        Assert.Empty(PodFixtures.DefaultAndValidate(pod));
    }
}
