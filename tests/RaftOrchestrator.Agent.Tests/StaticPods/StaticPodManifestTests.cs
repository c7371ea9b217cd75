using System.Text;
using RaftOrchestrator.Agent.StaticPods;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Tests.StaticPods;

public sealed class StaticPodManifestTests
{
    private const string Node = "node-a";
    private const string File = "/etc/rorch/manifests/web.yaml";

    internal const string WebYaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels:
            app: web
            tier: front
        spec:
          containers:
          - name: main
            image: busybox
            command: ["sh", "-c", "sleep 3600"]
        """;

    private static Pod ReadOne(string text, string path = File, string node = Node)
    {
        ManifestRead read = StaticPodManifest.ReadFile(Encoding.UTF8.GetBytes(text), path, node);
        Assert.True(read.IsOk, read.Error);
        return Assert.Single(read.Pods);
    }

    private static string Error(string text)
    {
        ManifestRead read = StaticPodManifest.ReadFile(Encoding.UTF8.GetBytes(text), File, Node);
        Assert.False(read.IsOk);
        Assert.Empty(read.Pods);
        return read.Error!;
    }

    [Fact]
    public void ReadFile_Yaml_DefaultedAsTheKubelet()
    {
        Pod pod = ReadOne(WebYaml);

        Assert.Equal("web-node-a", pod.Metadata.Name);
        Assert.Equal("default", pod.Metadata.Namespace);
        Assert.Equal(Node, pod.Spec.NodeName);
        Assert.Matches("^[0-9a-f]{32}$", pod.Metadata.Uid);
        Assert.Equal(pod.Metadata.Uid, pod.Metadata.Annotations![StaticPodAnnotations.Hash]);
        Assert.Equal("file", pod.Metadata.Annotations[StaticPodAnnotations.Source]);
        Assert.False(pod.Metadata.Annotations.ContainsKey(StaticPodAnnotations.Mirror));
        Assert.Equal("Pending", pod.Status.Phase);
        Toleration toleration = Assert.Single(pod.Spec.Tolerations!);
        Assert.Equal(("Exists", "NoExecute", null), (toleration.Operator, toleration.Effect, toleration.Key));
        // The API's pod defaults, as the kubelet's decoder applies them.
        Assert.Equal("Always", pod.Spec.RestartPolicy);
        Assert.Equal(30, pod.Spec.TerminationGracePeriodSeconds);
        Assert.True(StaticPodAnnotations.IsStatic(pod));
    }

    [Fact]
    public void ReadFile_Json_SameMeaningAsYaml_SameUid()
    {
        const string json = """
            {"kind": "Pod", "apiVersion": "v1",
             "metadata": {"labels": {"tier": "front", "app": "web"}, "name": "web"},
             "spec": {"containers": [{"image": "busybox", "name": "main", "command": ["sh", "-c", "sleep 3600"]}]}}
            """;

        Assert.Equal(ReadOne(WebYaml).Metadata.Uid, ReadOne(json).Metadata.Uid);
    }

    [Fact]
    public void ReadFile_Uid_StableButDependsOnContentPathAndNode()
    {
        string uid = ReadOne(WebYaml).Metadata.Uid!;

        Assert.Equal(uid, ReadOne("# a comment\n" + WebYaml + "\n").Metadata.Uid);
        Assert.NotEqual(uid, ReadOne(WebYaml.Replace("sleep 3600", "sleep 60", StringComparison.Ordinal)).Metadata.Uid);
        Assert.NotEqual(uid, ReadOne(WebYaml, path: "/etc/rorch/manifests/other.yaml").Metadata.Uid);
        Assert.NotEqual(uid, ReadOne(WebYaml, node: "node-b").Metadata.Uid);
    }

    [Fact]
    public void ReadFile_GivenNamespaceUidAndTolerationKept()
    {
        Pod pod = ReadOne("""
            apiVersion: v1
            kind: Pod
            metadata: {name: etcd, namespace: kube-system, uid: fixed-uid, annotations: {team: infra}}
            spec:
              tolerations: [{operator: Exists, effect: NoExecute}]
              containers: [{name: etcd, image: etcd}]
            """);

        Assert.Equal("kube-system", pod.Metadata.Namespace);
        Assert.Equal("fixed-uid", pod.Metadata.Uid);
        Assert.Equal("fixed-uid", pod.Metadata.Annotations![StaticPodAnnotations.Hash]);
        Assert.Equal("infra", pod.Metadata.Annotations["team"]);
        Assert.Single(pod.Spec.Tolerations!);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: x}\n", "expected a v1 Pod, got v1 Service")]
    [InlineData("metadata: {name: x}\nspec: {containers: [{name: a, image: b}]}\n", "expected a v1 Pod, got an object without kind")]
    [InlineData("apiVersion: v1\nkind: Pod\nspec: {containers: [{name: a, image: b}]}\n", "metadata.name: Required value")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: Web_1}\nspec: {containers: [{name: a, image: b}]}\n", "metadata.name")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: []}\n", "spec.containers")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: a}]}\n", "spec.containers[0].image")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: 7}\n", "not a valid Pod")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: web\n", "not YAML or JSON")]
    [InlineData("", "the manifest is empty")]
    [InlineData("- a\n- b\n", "the manifest is not an object")]
    [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n", "more than one YAML document")]
    public void ReadFile_BadManifest_ClearError(string text, string expected)
    {
        Assert.Contains(expected, Error(text), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHttp_PodList_EachPodDefaulted_NoToleration()
    {
        const string list = """
            apiVersion: v1
            kind: PodList
            items:
            - metadata: {name: a}
              spec: {containers: [{name: main, image: busybox}]}
            - metadata: {name: b, namespace: tools}
              spec: {containers: [{name: main, image: busybox}]}
            """;

        ManifestRead read = StaticPodManifest.ReadHttp(Encoding.UTF8.GetBytes(list), "http://127.0.0.1:8080/pods", Node);

        Assert.True(read.IsOk, read.Error);
        Assert.Equal(["default/a-node-a", "tools/b-node-a"], read.Pods.Select(p => $"{p.Metadata.Namespace}/{p.Metadata.Name}"));
        Assert.All(read.Pods, p => Assert.Equal("http", p.Metadata.Annotations![StaticPodAnnotations.Source]));
        Assert.All(read.Pods, p => Assert.Null(p.Spec.Tolerations));
        Assert.NotEqual(read.Pods[0].Metadata.Uid, read.Pods[1].Metadata.Uid);
    }

    [Fact]
    public void ReadHttp_SinglePod_AndListWithOneBadPodFailsWhole()
    {
        ManifestRead single = StaticPodManifest.ReadHttp(Encoding.UTF8.GetBytes(WebYaml), "http://127.0.0.1:8080/pod", Node);
        ManifestRead bad = StaticPodManifest.ReadHttp(
            Encoding.UTF8.GetBytes("apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: a}\n  spec: {containers: [{name: main, image: busybox}]}\n- metadata: {name: b}\n  spec: {containers: []}\n"),
            "http://127.0.0.1:8080/pods", Node);

        Assert.Equal("web-node-a", Assert.Single(single.Pods).Metadata.Name);
        Assert.StartsWith("PodList: items[1]: invalid pod", bad.Error, StringComparison.Ordinal);
        Assert.Empty(bad.Pods);
    }

    [Theory]
    [InlineData(0, "2025-03-01T10:00:00Z")]
    [InlineData(1_230_000, "2025-03-01T10:00:00.123Z")]
    [InlineData(1_234_567, "2025-03-01T10:00:00.1234567Z")]
    public void SeenValue_Rfc3339Nano(long ticks, string expected)
    {
        var at = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(ticks);

        Assert.Equal(expected, StaticPodManifest.SeenValue(at));
    }
}
