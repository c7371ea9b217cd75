using System.Net;
using System.Text;
using RaftOrchestrator.Agent.StaticPods;
using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Agent.Tests.StaticPods;

/// <summary>
/// Static pods through the whole agent (in-memory API, scripted runtime, fake clock): run from a manifest directory
/// or URL by the agent itself, mirrored to the API with their status, the mirror kept in step with the manifest.
/// The directory is read at start and then every 20 s of the fake clock (no watcher, so the tests decide when).
/// </summary>
public sealed class StaticPodAgentTests : IDisposable
{
    private const string Mirror = "web-node-1";

    private readonly TempDirectory _manifests = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _manifests.Dispose();

    private AgentHarness NewAgent(Func<NodeAgentOptions, NodeAgentOptions>? more = null) =>
        new(o => (more ?? (x => x))(o with { StaticPodPath = _manifests.Path, WatchStaticPodPath = false }));

    private Task WriteAsync(string file, string name, string command = "sleep 3600", int grace = 30) =>
        File.WriteAllTextAsync(_manifests.Combine(file), $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{name}}
              labels:
                app: {{name}}
            spec:
              terminationGracePeriodSeconds: {{grace}}
              containers: [{name: main, image: busybox, command: [sh, -c, "{{command}}"]}]
            """, Ct);

    /// <summary>A full read of the manifest directory: 20 s of the clock.</summary>
    private static Task RelistAsync(AgentHarness h) => h.AdvanceAsync(TimeSpan.FromSeconds(20));

    private static int Sandboxes(AgentHarness h, string name) => h.Runtime.Calls.Count(c => c == $"RunPodSandbox default/{name}");

    [Fact]
    public async Task Manifest_RunsOnTheAgent_MirrorPodInTheApiRunningWithAnnotationsAndNodeOwner()
    {
        await WriteAsync("web.yaml", "web");
        await using AgentHarness h = NewAgent();
        await h.StartAsync();

        Pod mirror = await h.WaitForPodAsync(Mirror, p => p.Status.Phase == "Running" && AgentHarness.Condition(p, "Ready") == "True", "mirrored Running and Ready");

        Dictionary<string, string> annotations = mirror.Metadata.Annotations!;
        string hash = annotations[StaticPodAnnotations.Hash];
        Assert.Equal(hash, annotations[StaticPodAnnotations.Mirror]);
        Assert.NotEqual(hash, mirror.Metadata.Uid);
        Assert.Equal("file", annotations[StaticPodAnnotations.Source]);
        Assert.True(DateTime.TryParse(annotations[StaticPodAnnotations.Seen], System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(AgentHarness.NodeName, mirror.Spec.NodeName);
        Assert.Equal("web", mirror.Metadata.Labels!["app"]);
        OwnerReference owner = Assert.Single(mirror.Metadata.OwnerReferences!);
        Node node = Assert.Single(h.Client.Objects<Node>());
        Assert.Equal(("v1", "Node", AgentHarness.NodeName, node.Metadata.Uid, true), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid, owner.Controller));
        Assert.True(AgentHarness.Container(mirror, "main").Ready);
        // One worker and one sandbox: the mirror the informer delivers is no second pod to run.
        Assert.Equal(1, h.Agent.Pods);
        Assert.Equal(1, h.Agent.StaticPods);
        Assert.Equal(1, Sandboxes(h, Mirror));
        Assert.Equal(1, h.Runtime.Starts("main"));
    }

    [Fact]
    public async Task MirrorDeletedByAUser_RecreatedWithStatus_StaticPodKeepsRunning()
    {
        await WriteAsync("web.yaml", "web");
        await using AgentHarness h = NewAgent();
        await h.StartAsync();
        Pod first = await h.WaitForPodAsync(Mirror, p => p.Status.Phase == "Running", "mirrored Running");

        (await h.Client.Resource<Pod>().DeleteAsync("default", Mirror, cancellationToken: Ct)).Unwrap();

        Pod second = await h.WaitForPodAsync(Mirror, p => p.Metadata.Uid != first.Metadata.Uid && p.Metadata.DeletionTimestamp is null && p.Status.Phase == "Running", "recreated, with the status written again");
        Assert.Equal(first.Metadata.Annotations![StaticPodAnnotations.Mirror], second.Metadata.Annotations![StaticPodAnnotations.Mirror]);
        Assert.Equal(1, Sandboxes(h, Mirror));
        Assert.Equal(1, h.Runtime.Starts("main"));
        Assert.Empty(h.Runtime.Stops);
    }

    [Fact]
    public async Task MirrorOfAnotherHash_Replaced_OrphanedMirror_Deleted()
    {
        await WriteAsync("web.yaml", "web");
        await using AgentHarness h = NewAgent();
        Pod stale = await h.CreatePodAsync(StaleMirror(Mirror));
        Pod orphan = await h.CreatePodAsync(StaleMirror("gone-node-1"));
        Pod ordinary = await h.CreatePodAsync(AgentHarness.NewPod("api-pod"));

        await h.StartAsync();

        Pod mirror = await h.WaitForPodAsync(Mirror, p => p.Metadata.Uid != stale.Metadata.Uid && p.Status.Phase == "Running", "replaced and Running");
        Assert.Equal(mirror.Metadata.Annotations![StaticPodAnnotations.Hash], mirror.Metadata.Annotations[StaticPodAnnotations.Mirror]);
        await AgentHarness.EventuallyAsync(() => h.Pod("gone-node-1") is null, "the orphaned mirror deleted");
        await h.WaitForPodAsync("api-pod", p => p.Status.Phase == "Running", "the API's own pod run as ever");
        Assert.Equal(0, Sandboxes(h, "gone-node-1"));
        Assert.Equal(2, h.Agent.Pods);
        Assert.NotNull(orphan.Metadata.Uid);
        Assert.NotNull(ordinary.Metadata.Uid);
    }

    [Fact]
    public async Task ManifestRemoved_PodStoppedWithItsGrace_MirrorDeleted()
    {
        await WriteAsync("web.yaml", "web", grace: 5);
        await using AgentHarness h = NewAgent();
        await h.StartAsync();
        await h.WaitForPodAsync(Mirror, p => p.Status.Phase == "Running", "mirrored Running");

        File.Delete(_manifests.Combine("web.yaml"));
        await RelistAsync(h);

        await AgentHarness.EventuallyAsync(() => h.Pod(Mirror) is null && h.Agent.Pods == 0, "pod stopped and mirror deleted");
        (string container, TimeSpan grace, _) = Assert.Single(h.Runtime.Stops);
        Assert.Equal(("main", TimeSpan.FromSeconds(5)), (container, grace));
        Assert.Contains($"RemovePodSandbox", string.Join(",", h.Runtime.Calls), StringComparison.Ordinal);
        Assert.Equal(0, h.Agent.StaticPods);
    }

    [Fact]
    public async Task ManifestChanged_OldPodStoppedThenNewOneStarted_MirrorReplaced()
    {
        await WriteAsync("web.yaml", "web");
        await using AgentHarness h = NewAgent();
        await h.StartAsync();
        Pod before = await h.WaitForPodAsync(Mirror, p => p.Status.Phase == "Running", "mirrored Running");

        await WriteAsync("web.yaml", "web", command: "sleep 7200");
        await RelistAsync(h);

        Pod after = await h.WaitForPodAsync(Mirror, p => p.Metadata.Annotations![StaticPodAnnotations.Mirror] != before.Metadata.Annotations![StaticPodAnnotations.Mirror] && p.Status.Phase == "Running", "the new version mirrored Running");
        Assert.NotEqual(before.Metadata.Uid, after.Metadata.Uid);
        Assert.Equal(2, Sandboxes(h, Mirror));
        IReadOnlyList<string> calls = h.Runtime.Calls;
        Assert.True(calls.ToList().IndexOf("StopPodSandbox") is var stop && stop >= 0 && stop < calls.ToList().LastIndexOf($"RunPodSandbox default/{Mirror}"), string.Join(", ", calls));
        Assert.Equal(["sh", "-c", "sleep 7200"], h.Runtime.Configs("main")[^1].Command);
        Assert.Equal(1, h.Agent.StaticPods);
    }

    [Fact]
    public async Task BadManifest_SkippedWhileTheOthersRun()
    {
        await WriteAsync("web.yaml", "web");
        await File.WriteAllTextAsync(_manifests.Combine("broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: broken}\nspec: {containers: [{name: main}]}\n", Ct);
        await File.WriteAllTextAsync(_manifests.Combine("garbage.yaml"), "{{{ not yaml", Ct);
        await using AgentHarness h = NewAgent();
        await h.StartAsync();

        await h.WaitForPodAsync(Mirror, p => p.Status.Phase == "Running", "the good manifest mirrored Running");
        await RelistAsync(h);

        Assert.Null(h.Pod("broken-node-1"));
        Assert.Equal(1, h.Agent.StaticPods);
        Assert.Single(h.Client.Objects<Pod>());
    }

    [Fact]
    public async Task ManifestUrl_PodListRun_MirrorsFromHttpSource()
    {
        const string list = """
            apiVersion: v1
            kind: PodList
            items:
            - metadata: {name: web}
              spec: {containers: [{name: main, image: busybox}]}
            - metadata: {name: db}
              spec: {containers: [{name: db, image: postgres}]}
            """;
        await using AgentHarness h = new(o => o with { StaticPodUrl = new Uri("http://127.0.0.1:9/pods"), StaticPodUrlHandler = new FixedHandler(list) });
        await h.StartAsync();

        Pod web = await h.WaitForPodAsync(Mirror, p => p.Status.Phase == "Running", "web mirrored Running");
        await h.WaitForPodAsync("db-node-1", p => p.Status.Phase == "Running", "db mirrored Running");

        Assert.Equal("http", web.Metadata.Annotations![StaticPodAnnotations.Source]);
        Assert.Null(web.Spec.Tolerations);
        Assert.Equal(2, h.Agent.StaticPods);
    }

    /// <summary>A pod in the API that claims to mirror a static pod of another (or no) version.</summary>
    private static Pod StaleMirror(string name)
    {
        Pod pod = AgentHarness.NewPod(name);
        pod.Metadata.Annotations = new() { [StaticPodAnnotations.Mirror] = "0123456789abcdef0123456789abcdef", [StaticPodAnnotations.Source] = "file" };
        return pod;
    }

    private sealed class FixedHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8) });
    }
}
