using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class PodSerializationTests
{
    private const string KubectlRunPod = """
    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"debug","namespace":"default","labels":{"run":"debug"},
     "creationTimestamp":"2026-03-01T12:00:00Z","uid":"7b1f7a52-8c3e-4a57-9f1e-0d5a3c7b9e21","resourceVersion":"812"},
     "spec":{"containers":[{"name":"debug","image":"busybox:1.36","command":["sleep","3600"],"stdin":true,"tty":true,
       "resources":{},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent",
       "volumeMounts":[{"name":"kube-api-access-x7k2p","readOnly":true,"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}]}],
      "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","serviceAccountName":"default",
      "serviceAccount":"default","nodeName":"node-1","securityContext":{},"schedulerName":"default-scheduler",
      "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}],
      "priority":0,"enableServiceLinks":true,"preemptionPolicy":"PreemptLowerPriority",
      "volumes":[{"name":"kube-api-access-x7k2p","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}},
        {"configMap":{"name":"kube-root-ca.crt","items":[{"key":"ca.crt","path":"ca.crt"}]}},
        {"downwardAPI":{"items":[{"path":"namespace","fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"}}]}}],"defaultMode":420}}]},
     "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True","lastProbeTime":null,"lastTransitionTime":"2026-03-01T12:00:05Z"}],
      "hostIP":"192.168.1.10","hostIPs":[{"ip":"192.168.1.10"}],"podIP":"10.244.1.7","podIPs":[{"ip":"10.244.1.7"}],
      "startTime":"2026-03-01T12:00:00Z","containerStatuses":[{"name":"debug","state":{"running":{"startedAt":"2026-03-01T12:00:04Z"}},
      "lastState":{},"ready":true,"restartCount":0,"image":"docker.io/library/busybox:1.36","imageID":"docker.io/library/busybox@sha256:abc",
      "containerID":"containerd://0f1e","started":true}],"qosClass":"BestEffort"}}
    """;

    [Fact]
    public void Decode_ServerWrittenPod_StrictSucceeds()
    {
        Pod pod = JsonSerializer.Deserialize(KubectlRunPod, ApiJson.TypeInfo<Pod>(strict: true))!;

        Assert.Equal("default", pod.Spec.DeprecatedServiceAccount);
        Assert.Equal("10.244.1.7", pod.Status.PodIPs![0].IP);
        Assert.Equal("docker.io/library/busybox@sha256:abc", pod.Status.ContainerStatuses![0].ImageID);
        Assert.True(pod.Spec.Containers[0].Tty);
    }

    [Fact]
    public void Serialize_KubernetesNames_ForRenamedAndAcronymProperties()
    {
        Pod pod = JsonSerializer.Deserialize(KubectlRunPod, ApiJson.TypeInfo<Pod>(strict: true))!;

        string json = JsonSerializer.Serialize(pod, ApiJson.Options);

        foreach (string name in new[] { "\"serviceAccount\":", "\"hostIPs\":", "\"imageID\":", "\"tty\":", "\"qosClass\":", "\"dnsPolicy\":", "\"downwardAPI\":" })
        {
            Assert.Contains(name, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MessagePack_ServerWrittenPod_RoundTripsToTheSameJson()
    {
        Pod pod = JsonSerializer.Deserialize(KubectlRunPod, ApiJson.TypeInfo<Pod>(strict: true))!;
        string json = JsonSerializer.Serialize(pod, ApiJson.Options);

        Pod back = ApiMessagePack.Deserialize<Pod>(ApiMessagePack.Serialize(pod));

        Assert.Equal(json, JsonSerializer.Serialize(back, ApiJson.Options));
    }

    [Fact]
    public void Serialize_ContainerPort_KeepsContainerPortName()
    {
        var port = new ContainerPort { Name = "http", Port = 8080 };
        Pod pod = PodFixtures.Minimal();
        pod.Spec.Containers[0].Ports = [port];

        string json = JsonSerializer.Serialize(pod, ApiJson.Options);

        Assert.Contains("\"ports\":[{\"name\":\"http\",\"containerPort\":8080}]", json, StringComparison.Ordinal);
    }

    private static string Clean(string? s) => new((s ?? "").Where(c => !char.IsSurrogate(c)).ToArray());

    /// <summary>A pod with generated images, ports, quantities, times, probes and toleration values survives JSON → MessagePack → JSON.</summary>
    [Property(MaxTest = 200)]
    public bool RoundTrip_GeneratedPod_SameJson(string? image, int port, bool? hostNetwork, PositiveInt cpuMillis, uint startSeconds, string[]? args, int? tolerationSeconds, bool namedProbePort)
    {
        Pod pod = PodFixtures.Minimal();
        Container c = pod.Spec.Containers[0];
        c.Image = image is null ? null : Clean(image);
        c.Args = args?.Select(Clean).ToList();
        c.Ports = [new ContainerPort { Port = port, Name = Clean(image) }];
        c.Resources = new() { Limits = new() { ["cpu"] = $"{cpuMillis.Get}m" } };
        c.ReadinessProbe = new Probe { HttpGet = new HTTPGetAction { Port = namedProbePort ? IntOrString.FromString("http") : port } };
        pod.Spec.HostNetwork = hostNetwork;
        pod.Spec.Tolerations = tolerationSeconds is null ? null : [new Toleration { Key = "k", TolerationSeconds = tolerationSeconds }];
        pod.Status.StartTime = DateTime.UnixEpoch.AddSeconds(startSeconds);
        string json = JsonSerializer.Serialize(pod, ApiJson.Options);

        Pod back = ApiMessagePack.Deserialize<Pod>(ApiMessagePack.Serialize(pod));
        Pod reread = JsonSerializer.Deserialize(json, ApiJson.TypeInfo<Pod>(strict: true))!;

        return json == JsonSerializer.Serialize(back, ApiJson.Options) && json == JsonSerializer.Serialize(reread, ApiJson.Options);
    }
}
