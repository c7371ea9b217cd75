using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Tests.Fakes;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Pods;

public sealed class ContainerConfigTests
{
    [Fact]
    public async Task Create_CommandAndArgsExpandedAgainstEnvironment()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        Container main = AgentHarness.MainContainer();
        main.Command = ["sh", "-c"];
        main.Args = ["echo $(GREETING) from $(POD) $$(POD) $(UNSET)"];
        main.Env = [new EnvVar { Name = "GREETING", Value = "hi" }, new EnvVar { Name = "POD", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } }];
        main.WorkingDir = "/srv";

        await h.CreatePodAsync(AgentHarness.NewPod("web", null, main));
        await h.WaitForPodAsync("web", p => p.Status.Phase == "Running", "running");

        ContainerConfig config = Assert.Single(h.Runtime.Configs("main"));
        Assert.Equal(["sh", "-c"], config.Command);
        Assert.Equal(["echo hi from web $(POD) $(UNSET)"], config.Args);
        Assert.Equal(["GREETING=hi", "POD=web"], config.Environment.Select(v => $"{v.Key}={v.Value}"));
        Assert.Equal("/srv", config.WorkingDirectory);
        Assert.Equal(0, config.Attempt);
        Assert.Equal(Path.Combine("main", "0.log"), config.LogPath);
        Assert.Equal("web", config.Labels["io.kubernetes.pod.name"]);
    }

    [Fact]
    public async Task Create_MissingConfigMap_CreateContainerConfigErrorThenRunsOnceItExists()
    {
        await using var h = new AgentHarness(o => o with { SyncRetryPeriod = TimeSpan.FromSeconds(10) });
        await h.StartAsync();
        Container main = AgentHarness.MainContainer();
        main.EnvFrom = [new EnvFromSource { ConfigMapRef = new ConfigMapEnvSource { Name = "settings" } }];
        Container other = AgentHarness.MainContainer("other");

        await h.CreatePodAsync(AgentHarness.NewPod("web", null, main, other));
        Pod held = await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "main").State?.Waiting?.Reason == "CreateContainerConfigError", "held");
        Assert.Equal("configmap \"settings\" not found", AgentHarness.Container(held, "main").State!.Waiting!.Message);
        Assert.Equal("Pending", held.Status.Phase);
        await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "other").State?.Running is not null, "the other container runs regardless");
        RecordedEvent failed = Assert.Single(h.Events.WithReason("Failed"));
        Assert.Equal(("Warning", "Error: configmap \"settings\" not found"), (failed.Type, failed.Message));
        Assert.DoesNotContain("CreateContainer main", h.Runtime.Calls);

        h.Client.Seed(TestObjects.ConfigMap("default", "settings", new Dictionary<string, string> { ["MODE"] = "on" }));
        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        Pod running = await h.WaitForPodAsync("web", p => p.Status.Phase == "Running" && AgentHarness.Container(p, "main").State?.Running is not null, "runs after the retry");
        Assert.Equal(0, AgentHarness.Container(running, "main").RestartCount);
        Assert.Equal(["MODE=on"], h.Runtime.Configs("main")[0].Environment.Select(v => $"{v.Key}={v.Value}"));
    }

    [Fact]
    public async Task Create_RuntimeRefuses_CreateContainerErrorWithMessageAndAgentCarriesOn()
    {
        await using var h = new AgentHarness();
        h.Runtime.OnCreate = c => c.Name == "main" && c.Command.Count == 0
            ? RuntimeResult<string>.Fail(RuntimeErrorCode.CreateContainerError, "the process runtime needs a command: the image's entrypoint is not known")
            : null;
        await h.StartAsync();
        Container main = new() { Name = "main", Image = "nginx" };

        await h.CreatePodAsync(AgentHarness.NewPod("web", null, main));
        Pod held = await h.WaitForPodAsync("web", p => AgentHarness.Container(p, "main").State?.Waiting?.Reason == "CreateContainerError", "held");

        Assert.Equal("the process runtime needs a command: the image's entrypoint is not known", AgentHarness.Container(held, "main").State!.Waiting!.Message);
        Assert.Equal("Pending", held.Status.Phase);
        Assert.Equal("Error: the process runtime needs a command: the image's entrypoint is not known", Assert.Single(h.Events.WithReason("Failed")).Message);

        await h.CreatePodAsync(AgentHarness.NewPod("next"));
        await h.WaitForPodAsync("next", p => p.Status.Phase == "Running", "another pod still runs");
    }

    [Fact]
    public async Task Status_Unchanged_NotWrittenAgain()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await h.CreatePodAsync(AgentHarness.NewPod("web"));
        await h.WaitForPodAsync("web", p => AgentHarness.Condition(p, "Ready") == "True", "ready");
        await AgentHarness.SettleAsync();
        int writes = h.Client.Writes(InMemoryVerb.UpdateStatus, "pods").Count;

        await h.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(30)); // resyncs, node status reports, lease renewals
        await AgentHarness.SettleAsync();

        Assert.Equal(writes, h.Client.Writes(InMemoryVerb.UpdateStatus, "pods").Count);
        Assert.InRange(writes, 1, 3);
    }

    [Fact]
    public async Task Status_ChangedByOthers_AgentsConditionsRestoredOthersKept()
    {
        await using var h = new AgentHarness();
        await h.StartAsync();
        await h.CreatePodAsync(AgentHarness.NewPod("web"));
        Pod ready = await h.WaitForPodAsync("web", p => AgentHarness.Condition(p, "Ready") == "True", "ready");
        DateTime? transition = ready.Status.Conditions!.Find(c => c.Type == "Ready")!.LastTransitionTime;

        // The node lifecycle controller marks the pod not ready and adds its own condition (as when the node was lost).
        ready.Status.Conditions!.Find(c => c.Type == "Ready")!.Status = "False";
        ready.Status.Conditions.Add(new PodCondition { Type = "DisruptionTarget", Status = "True", Reason = "Test" });
        (await h.Client.Resource<Pod>().UpdateStatusAsync(ready, cancellationToken: TestContext.Current.CancellationToken)).Unwrap();

        Pod restored = await h.WaitForPodAsync("web", p => AgentHarness.Condition(p, "Ready") == "True", "Ready restored by the agent");
        Assert.Equal("True", AgentHarness.Condition(restored, "DisruptionTarget"));
        Assert.Equal("True", AgentHarness.Condition(restored, "PodScheduled"));
        Assert.Equal(transition, restored.Status.Conditions!.Find(c => c.Type == "ContainersReady")!.LastTransitionTime);
    }
}
