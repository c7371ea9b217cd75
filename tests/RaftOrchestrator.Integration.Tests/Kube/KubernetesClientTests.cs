using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.KubeConfigModels;
using k8s.Models;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// The official Kubernetes C# client (KubernetesClient) against real `rorch server` processes, configured from
/// the kubeconfig the server writes. It sends no Accept header, JSON bodies with a charset parameter, and watches
/// with <c>?watch=true&amp;resourceVersion=N</c>. Each test works in a namespace of its own; every call is bounded.
/// </summary>
public abstract class KubernetesClientTests<TFixture>(TFixture fixture) : IDisposable where TFixture : KubeClusterFixture
{
    private static readonly TimeSpan s_testTimeout = TimeSpan.FromSeconds(30);

    private readonly Kubernetes _client = new(Configuration(fixture.Target.Kubeconfig));
    private readonly CancellationTokenSource _timeout = new(s_testTimeout);

    private CancellationToken Token => _timeout.Token;

    [Fact]
    public async Task CreateNamespace_ThenRead_ReturnsItWithUidAndResourceVersion()
    {
        V1Namespace created = await _client.CoreV1.CreateNamespaceAsync(
            new V1Namespace { Metadata = new V1ObjectMeta { Name = "kc-ns-read", Labels = new Dictionary<string, string> { ["team"] = "a" } } },
            cancellationToken: Token);

        V1Namespace read = await _client.CoreV1.ReadNamespaceAsync("kc-ns-read", cancellationToken: Token);

        Assert.Equal("kc-ns-read", read.Metadata.Name);
        Assert.False(string.IsNullOrEmpty(read.Metadata.Uid));
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal("a", read.Metadata.Labels["team"]);
    }

    [Fact]
    public async Task ConfigMaps_CreateThenListBySelectorAndGet_ReturnWhatWasSent()
    {
        string ns = await NamespaceAsync("kc-cm-list");
        await CreateConfigMapAsync(ns, "one", "blue", new() { ["k"] = "1" });
        await CreateConfigMapAsync(ns, "two", "blue", new() { ["k"] = "2", ["multi"] = "line\nbreak é" });
        await CreateConfigMapAsync(ns, "three", "red", new() { ["k"] = "3" });

        V1ConfigMapList blue = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "color=blue", cancellationToken: Token);
        V1ConfigMapList notBlue = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: "color!=blue", cancellationToken: Token);
        V1ConfigMapList all = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: Token);
        V1ConfigMap two = await _client.CoreV1.ReadNamespacedConfigMapAsync("two", ns, cancellationToken: Token);

        Assert.Equal(["one", "two"], blue.Items.Select(c => c.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["three"], notBlue.Items.Select(c => c.Metadata.Name));
        Assert.Equal(3, all.Items.Count);
        Assert.False(string.IsNullOrEmpty(all.Metadata.ResourceVersion));
        Assert.Equal("line\nbreak é", two.Data["multi"]);
        Assert.Equal(ns, two.Metadata.NamespaceProperty);
        Assert.NotNull(two.Metadata.CreationTimestamp);
    }

    [Fact]
    public async Task Pod_CreateThenGetAndList_KeepsContainersAndLabels()
    {
        string ns = await NamespaceAsync("kc-pod");
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Spec = new V1PodSpec
            {
                Containers =
                [
                    new V1Container
                    {
                        Name = "nginx",
                        Image = "nginx:1.27",
                        Ports = [new V1ContainerPort { ContainerPort = 80, Name = "http" }],
                        Env = [new V1EnvVar { Name = "MODE", Value = "test" }],
                    },
                ],
            },
        };

        V1Pod created = await _client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: Token);
        V1Pod read = await _client.CoreV1.ReadNamespacedPodAsync("web", ns, cancellationToken: Token);
        V1PodList listed = await _client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: "app=web", cancellationToken: Token);

        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        V1Container container = Assert.Single(read.Spec.Containers);
        Assert.Equal("nginx:1.27", container.Image);
        Assert.Equal(80, Assert.Single(container.Ports).ContainerPort);
        Assert.Equal("test", Assert.Single(container.Env).Value);
        Assert.Equal("web", Assert.Single(listed.Items).Metadata.Name);
    }

    [Fact]
    public async Task MergePatch_ChangesDataAndLabels_AndBumpsResourceVersion()
    {
        string ns = await NamespaceAsync("kc-patch");
        V1ConfigMap created = await CreateConfigMapAsync(ns, "patched", "blue", new() { ["keep"] = "k", ["drop"] = "d" });

        var patch = new V1Patch("""{"metadata":{"labels":{"color":"green"}},"data":{"drop":null,"added":"a"}}""", V1Patch.PatchType.MergePatch);
        V1ConfigMap patched = await _client.CoreV1.PatchNamespacedConfigMapAsync(patch, "patched", ns, cancellationToken: Token);
        V1ConfigMap read = await _client.CoreV1.ReadNamespacedConfigMapAsync("patched", ns, cancellationToken: Token);

        Assert.Equal(new Dictionary<string, string> { ["keep"] = "k", ["added"] = "a" }, read.Data);
        Assert.Equal("green", read.Metadata.Labels["color"]);
        Assert.NotEqual(created.Metadata.ResourceVersion, patched.Metadata.ResourceVersion);
        Assert.Equal(patched.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
    }

    [Fact]
    public async Task Watch_FromListResourceVersion_SeesLaterModifiedThenDeleted()
    {
        string ns = await NamespaceAsync("kc-watch");
        await CreateConfigMapAsync(ns, "watched", "blue", new() { ["v"] = "0" });
        V1ConfigMapList list = await _client.CoreV1.ListNamespacedConfigMapAsync(ns, cancellationToken: Token);
        // Changed before the watch is opened: it must be replayed from the list's resourceVersion.
        await _client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"v":"1"}}""", V1Patch.PatchType.MergePatch), "watched", ns, cancellationToken: Token);

        var events = new List<(WatchEventType Type, string? Value)>();
        Exception? watchError = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        await foreach ((WatchEventType type, V1ConfigMap item) in _client.CoreV1.WatchListNamespacedConfigMapAsync(
            ns, resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 20, onError: e => watchError = e, cancellationToken: stop.Token))
        {
            events.Add((type, item.Data is { } data && data.TryGetValue("v", out string? v) ? v : null));
            if (type == WatchEventType.Modified)
            {
                // Deleted while the watch is open: it must arrive live.
                await _client.CoreV1.DeleteNamespacedConfigMapAsync("watched", ns, cancellationToken: Token);
            }
            if (type == WatchEventType.Deleted)
            {
                break;
            }
        }

        Assert.Null(watchError);
        Assert.Equal([(WatchEventType.Modified, "1"), (WatchEventType.Deleted, "1")], events);
    }

    [Fact]
    public async Task Read_Missing_ThrowsHttpOperationExceptionWithStatusJson()
    {
        string ns = await NamespaceAsync("kc-missing");

        HttpOperationException error = await Assert.ThrowsAsync<HttpOperationException>(
            () => _client.CoreV1.ReadNamespacedConfigMapAsync("nope", ns, cancellationToken: Token));

        Assert.Equal(HttpStatusCode.NotFound, error.Response.StatusCode);
        using var status = JsonDocument.Parse(error.Response.Content);
        Assert.Equal("Status", status.RootElement.GetProperty("kind").GetString());
        Assert.Equal("v1", status.RootElement.GetProperty("apiVersion").GetString());
        Assert.Equal("Failure", status.RootElement.GetProperty("status").GetString());
        Assert.Equal("NotFound", status.RootElement.GetProperty("reason").GetString());
        Assert.Equal(404, status.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("configmaps \"nope\" not found", status.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_Twice_ThrowsConflictWithAlreadyExists()
    {
        string ns = await NamespaceAsync("kc-twice");
        await CreateConfigMapAsync(ns, "dup", "blue", new() { ["a"] = "b" });

        HttpOperationException error = await Assert.ThrowsAsync<HttpOperationException>(
            () => CreateConfigMapAsync(ns, "dup", "blue", new() { ["a"] = "c" }));
        V1ConfigMap kept = await _client.CoreV1.ReadNamespacedConfigMapAsync("dup", ns, cancellationToken: Token);

        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("\"reason\":\"AlreadyExists\"", error.Response.Content, StringComparison.Ordinal);
        Assert.Equal("b", kept.Data["a"]);
    }

    public void Dispose()
    {
        _client.Dispose();
        _timeout.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The server URL of the kubeconfig the server wrote. Not BuildConfigFromConfigFile: over plain HTTP that file's
    /// user is <c>{}</c> (no credentials, as kubectl wants), which this client refuses ("does not have appropriate
    /// auth credentials").
    /// </summary>
    private static KubernetesClientConfiguration Configuration(string kubeconfig)
    {
        K8SConfiguration file = KubernetesClientConfiguration.LoadKubeConfig(kubeconfig);
        return new KubernetesClientConfiguration { Host = Assert.Single(file.Clusters).ClusterEndpoint.Server };
    }

    private async Task<string> NamespaceAsync(string name)
    {
        await _client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: Token);
        return name;
    }

    private Task<V1ConfigMap> CreateConfigMapAsync(string ns, string name, string color, Dictionary<string, string> data) =>
        _client.CoreV1.CreateNamespacedConfigMapAsync(
            new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["color"] = color } },
                Data = data,
            },
            ns,
            cancellationToken: Token);
}
