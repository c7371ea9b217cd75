using RaftOrchestrator.Agent.Fleet;
using RaftOrchestrator.Agent.Sim;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Fleet;

public sealed class SimFleetTests
{
    private static readonly TimeSpan s_latency = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Run_registers_every_node_ready_with_capacity_labels_zones_and_a_lease()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(5, s_latency) with { Zones = 2, Cpu = "16", Memory = "64Gi", Pods = 50 });
        await harness.StartAsync();

        IReadOnlyList<Node> nodes = harness.Cluster.Objects<Node>();
        Assert.Equal(["sim-0", "sim-1", "sim-2", "sim-3", "sim-4"], nodes.Select(n => n.Metadata.Name).Order(StringComparer.Ordinal));
        foreach (Node node in nodes)
        {
            Assert.Equal("True", node.Status!.Conditions!.Single(c => c.Type == "Ready").Status);
            Assert.Equal(new Quantity("16"), node.Status.Allocatable!["cpu"]);
            Assert.Equal(new Quantity("64Gi"), node.Status.Capacity!["memory"]);
            Assert.Equal(new Quantity("50"), node.Status.Allocatable["pods"]);
            Assert.Equal(node.Metadata.Name, node.Metadata.Labels!["kubernetes.io/hostname"]);
            Assert.Equal("true", node.Metadata.Labels[SimFleetOptions.SimulatedLabel]);
            Assert.Equal(SimFleet.RuntimeVersion, node.Status.NodeInfo!.ContainerRuntimeVersion);
        }
        Assert.Equal(["zone-0", "zone-1"], nodes.Select(n => n.Metadata.Labels!["topology.kubernetes.io/zone"]).Distinct().Order(StringComparer.Ordinal));

        IReadOnlyList<Lease> leases = harness.Cluster.Objects<Lease>(SimFleet.NodeLeaseNamespace);
        Assert.Equal(5, leases.Count);
        Lease lease = leases.Single(l => l.Metadata.Name == "sim-3");
        Assert.Equal("sim-3", lease.Spec!.HolderIdentity);
        Assert.Equal(40, lease.Spec.LeaseDurationSeconds);
        Assert.Equal(nodes.Single(n => n.Metadata.Name == "sim-3").Metadata.Uid, lease.Metadata.OwnerReferences!.Single().Uid);
        Assert.Equal(5, harness.Fleet.Stats.NodesRegistered);
    }

    [Fact]
    public async Task Run_takes_over_an_existing_node_and_rewrites_its_status()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(2, s_latency));
        Node stale = TestObjects.Node("sim-1");
        stale.Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "Unknown" }] };
        harness.Cluster.Seed(stale);
        await harness.StartAsync();

        Node node = harness.Cluster.Objects<Node>().Single(n => n.Metadata.Name == "sim-1");
        Assert.Equal("True", node.Status!.Conditions!.Single(c => c.Type == "Ready").Status);
        Assert.NotNull(node.Status.Allocatable);
    }

    [Fact]
    public async Task Leases_are_renewed_once_per_interval_each_spread_evenly_over_it()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(4, s_latency));
        await harness.StartAsync();
        harness.Cluster.ClearActions();

        // Node i renews at i/4 of the interval: 0, 2.5, 5, 7.5 s after the fleet started (sim-0's first slot is
        // at 10 s since its registration came after the 0 s slot).
        for (int step = 0; step < 40; step++)
        {
            harness.Time.Advance(TimeSpan.FromMilliseconds(250));
            await FleetHarness.EventuallyAsync(() => harness.Fleet.Stats.LeaseRenewals >= ExpectedAt(step + 1), $"the renewals due by {(step + 1) * 250} ms");
        }
        await FleetHarness.SettleAsync();
        IReadOnlyList<RecordedAction> renewals = harness.Cluster.Writes(InMemoryVerb.Update, "leases");
        Assert.Equal(4, renewals.Count);
        Assert.Equal(["sim-0", "sim-1", "sim-2", "sim-3"], renewals.Select(r => r.Name).Order(StringComparer.Ordinal));

        Dictionary<string, DateTime> renewed = harness.Cluster.Objects<Lease>(SimFleet.NodeLeaseNamespace).ToDictionary(l => l.Metadata.Name!, l => l.Spec!.RenewTime!.Value);
        Assert.Equal(TimeSpan.FromSeconds(2.5), renewed["sim-2"] - renewed["sim-1"]);
        Assert.Equal(TimeSpan.FromSeconds(2.5), renewed["sim-3"] - renewed["sim-2"]);

        static int ExpectedAt(int quarterSeconds) => (quarterSeconds >= 10 ? 1 : 0) + (quarterSeconds >= 20 ? 1 : 0) + (quarterSeconds >= 30 ? 1 : 0) + (quarterSeconds >= 40 ? 1 : 0);
    }

    [Fact]
    public async Task Bound_pod_runs_and_is_ready_after_the_start_latency_with_one_status_write()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(2, s_latency));
        await harness.StartAsync();
        Pod seeded = harness.Cluster.Seed(new Pod
        {
            Metadata = new ObjectMeta { Namespace = "default", Name = "web" },
            Spec = new PodSpec
            {
                NodeName = "sim-1",
                InitContainers = [new Container { Name = "setup", Image = "registry.example/setup:1" }],
                Containers = [new Container { Name = "app", Image = "registry.example/app:1" }, new Container { Name = "sidecar", Image = "registry.example/side:1" }],
            },
            Status = new PodStatus { Phase = "Pending", QosClass = "BestEffort", Conditions = [new PodCondition { Type = "PodScheduled", Status = "True" }] },
        });
        await harness.TrackedAsync(1);

        harness.Time.Advance(s_latency - TimeSpan.FromMilliseconds(1));
        await FleetHarness.SettleAsync();
        Assert.Equal("Pending", harness.Stored("web").Status.Phase);

        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await FleetHarness.EventuallyAsync(() => harness.Stored("web").Status.Phase == "Running", "web to run");
        PodStatus status = harness.Stored("web").Status;
        foreach (string type in new[] { "Initialized", "ContainersReady", "Ready", "PodScheduled" })
        {
            Assert.Equal("True", status.Conditions!.Single(c => c.Type == type).Status);
        }
        Assert.Equal(["app", "sidecar"], status.ContainerStatuses!.Select(c => c.Name));
        Assert.All(status.ContainerStatuses!, c => Assert.True(c.Ready && c.State!.Running is not null && c.RestartCount == 0));
        Assert.Equal("Completed", status.InitContainerStatuses!.Single().State!.Terminated!.Reason);
        Assert.Equal("172.16.0.1", status.HostIP);
        Assert.Equal("10.0.1.1", status.PodIP);
        Assert.Equal(TestClock.Start.UtcDateTime, status.StartTime);
        Assert.Equal(seeded.Status.QosClass, status.QosClass);

        await FleetHarness.SettleAsync();
        Assert.Equal(1, harness.StatusWrites("web"));
        Assert.Equal(1, harness.Fleet.Stats.PodsRunning);
    }

    [Fact]
    public async Task Pods_of_other_nodes_and_unbound_pods_are_left_alone()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(1, s_latency));
        await harness.StartAsync();
        harness.Cluster.Seed(TestObjects.Node("real-node"));
        harness.BoundPod("elsewhere", "real-node");
        harness.Cluster.Seed(TestObjects.Pod("default", "unbound"));
        harness.BoundPod("mine", "sim-0"); // seen after the others: once it runs, they have been seen too

        await harness.AdvanceUntilAsync(() => harness.Stored("mine").Status.Phase == "Running", "mine to run", s_latency, TimeSpan.FromSeconds(1));
        Assert.Equal(["mine"], harness.Cluster.Writes(InMemoryVerb.UpdateStatus, "pods").Select(w => w.Name));
        Assert.Equal(1, harness.Fleet.Stats.Pods);
    }

    [Fact]
    public async Task Pod_ips_are_unique_per_pod_and_reused_after_deletion()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(1, TimeSpan.Zero) with { StopLatency = TimeSpan.Zero });
        await harness.StartAsync();
        for (int i = 0; i < 3; i++)
        {
            harness.BoundPod($"p{i}", "sim-0");
        }
        await harness.AdvanceUntilAsync(() => harness.Cluster.Objects<Pod>("default").All(p => p.Status.PodIP is not null), "three pod IPs", TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));
        Assert.Equal(["10.0.0.1", "10.0.0.2", "10.0.0.3"], harness.Cluster.Objects<Pod>("default").Select(p => p.Status.PodIP!).Order(StringComparer.Ordinal));

        await harness.Cluster.Resource<Pod>().DeleteAsync("default", "p1", cancellationToken: TestContext.Current.CancellationToken);
        await FleetHarness.EventuallyAsync(() => harness.Find("p1") is null, "p1 to be deleted");
        harness.BoundPod("p3", "sim-0");
        await harness.AdvanceUntilAsync(() => harness.Find("p3")?.Status.PodIP is not null, "p3's IP", TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1));
        Assert.Equal("10.0.0.2", harness.Stored("p3").Status.PodIP);
    }

    [Fact]
    public async Task Terminating_pod_is_deleted_with_grace_zero_and_its_uid_after_the_simulated_stop()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(1, s_latency) with { StopLatency = TimeSpan.FromSeconds(1) });
        await harness.StartAsync();
        Pod pod = harness.BoundPod("web", "sim-0");
        await harness.AdvanceUntilAsync(() => harness.Stored("web").Status.Phase == "Running", "web to run", s_latency, TimeSpan.FromSeconds(1));

        Pod marked = (await harness.Cluster.Resource<Pod>().DeleteAsync("default", "web", cancellationToken: TestContext.Current.CancellationToken)).Unwrap();
        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        await FleetHarness.EventuallyAsync(() => harness.Fleet.Stats.PodsTerminating == 1, "the fleet to see the deletion");
        harness.Time.Advance(TimeSpan.FromMilliseconds(900));
        await FleetHarness.SettleAsync();
        Assert.NotNull(harness.Find("web"));

        harness.Time.Advance(TimeSpan.FromMilliseconds(100));
        await FleetHarness.EventuallyAsync(() => harness.Find("web") is null, "web to be deleted");
        // The test's graceful delete, then the fleet's final one (only grace 0 removes a pod bound to a node).
        Assert.Equal(2, harness.Cluster.Writes(InMemoryVerb.Delete, "pods").Count(d => d.Name == "web"));
        await FleetHarness.EventuallyAsync(() => harness.Fleet.Stats.Pods == 0, "the fleet to forget web");
        Assert.Equal(1, harness.Fleet.Stats.PodsDeleted);
        Assert.NotNull(pod.Metadata.Uid);
    }

    [Fact]
    public async Task Failing_pod_with_restart_policy_never_ends_failed_with_exit_code_one()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(1, s_latency) with { FailureRate = 1 });
        await harness.StartAsync();
        harness.BoundPod("job", "sim-0", restartPolicy: "Never");

        await harness.AdvanceUntilAsync(() => harness.Stored("job").Status.Phase == "Failed", "job to fail", s_latency, TimeSpan.FromSeconds(1));
        ContainerStatus container = harness.Stored("job").Status.ContainerStatuses!.Single();
        Assert.Equal(1, container.State!.Terminated!.ExitCode);
        Assert.Equal("Error", container.State.Terminated.Reason);
        Assert.False(container.Ready);
        Assert.Equal("False", harness.Stored("job").Status.Conditions!.Single(c => c.Type == "Ready").Status);

        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await FleetHarness.SettleAsync();
        Assert.Equal(1, harness.StatusWrites("job"));
    }

    [Fact]
    public async Task Failing_pod_with_restart_policy_always_crash_loops_with_a_doubling_back_off()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(1, s_latency) with { FailureRate = 1 });
        await harness.StartAsync();
        harness.BoundPod("crash", "sim-0");

        await harness.AdvanceUntilAsync(() => Waiting(harness) is not null, "a crash loop", s_latency, TimeSpan.FromSeconds(1));
        Assert.Equal("CrashLoopBackOff", Waiting(harness)!.Reason);
        Assert.StartsWith("back-off 10s restarting failed container=main", Waiting(harness)!.Message, StringComparison.Ordinal);
        Assert.Equal("Running", harness.Stored("crash").Status.Phase);
        Assert.Equal(1, harness.Stored("crash").Status.ContainerStatuses!.Single().LastState!.Terminated!.ExitCode);

        // 10 s back-off, a 0.2 s start, a failure: restart 1 waits 20 s.
        await harness.AdvanceUntilAsync(() => harness.Stored("crash").Status.ContainerStatuses!.Single().RestartCount == 1, "the first restart",
            TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(11));
        Assert.StartsWith("back-off 20s", Waiting(harness)!.Message, StringComparison.Ordinal);

        static ContainerStateWaiting? Waiting(FleetHarness h) => h.Stored("crash").Status.ContainerStatuses?.SingleOrDefault()?.State?.Waiting;
    }

    [Fact]
    public async Task Crash_looping_pod_that_recovers_runs_with_its_restart_count_and_last_state()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(1, s_latency) with { FailureRate = 0.5, Seed = 7, CrashLoopBackOffBase = TimeSpan.FromSeconds(1) });
        await harness.StartAsync();
        harness.BoundPod("flaky", "sim-0");

        await harness.AdvanceUntilAsync(() => harness.Stored("flaky").Status.Conditions?.Find(c => c.Type == "Ready")?.Status == "True", "flaky to be ready",
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        ContainerStatus container = harness.Stored("flaky").Status.ContainerStatuses!.Single();
        Assert.NotNull(container.State!.Running);
        if (container.RestartCount > 0)
        {
            Assert.Equal(1, container.LastState!.Terminated!.ExitCode);
        }
    }

    [Fact]
    public async Task Status_writes_coalesce_to_the_latest_state_while_one_is_in_flight()
    {
        GatedStatusClient? gate = null;
        var options = FleetHarness.Fixed(1, s_latency) with { FailureRate = 1, CrashLoopBackOffBase = TimeSpan.FromSeconds(1), CrashLoopBackOffMax = TimeSpan.FromSeconds(1) };
        await using var harness = new FleetHarness(options, wrap: c => gate = new GatedStatusClient(c));
        GatedStatusClient gated = gate!;
        await harness.StartAsync();
        harness.BoundPod("crash", "sim-0");

        // The first failure's write is held; meanwhile the pod fails and restarts three more times.
        await harness.AdvanceUntilAsync(() => gated.Held == 1, "the first status write", s_latency, TimeSpan.FromSeconds(1));
        for (int i = 0; i < 3; i++)
        {
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await FleetHarness.SettleAsync();
            harness.Time.Advance(s_latency);
            await FleetHarness.SettleAsync();
        }
        Assert.Equal(1, gated.Held);
        gated.Open();

        await FleetHarness.EventuallyAsync(() => harness.Find("crash")?.Status.ContainerStatuses?.SingleOrDefault()?.RestartCount == 3, "the latest restart count");
        await FleetHarness.SettleAsync();
        Assert.Equal(2, harness.StatusWrites("crash"));
    }

    [Fact]
    public async Task A_status_another_writer_changed_is_reported_again()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(1, s_latency));
        await harness.StartAsync();
        harness.BoundPod("web", "sim-0");
        await harness.AdvanceUntilAsync(() => harness.Stored("web").Status.Phase == "Running", "web to run", s_latency, TimeSpan.FromSeconds(1));

        // What the node lifecycle controller does when a node goes silent.
        Pod pod = harness.Stored("web");
        pod.Status.Conditions!.Single(c => c.Type == "Ready").Status = "False";
        (await harness.Cluster.Resource<Pod>().UpdateStatusAsync(pod, cancellationToken: TestContext.Current.CancellationToken)).Unwrap();

        await FleetHarness.EventuallyAsync(() => harness.Stored("web").Status.Conditions!.Single(c => c.Type == "Ready").Status == "True", "Ready reported again");
        Assert.Equal(3, harness.StatusWrites("web")); // the fleet's first, the test's, the fleet's answer

        // A change that leaves phase and readiness alone is not answered.
        Pod labelled = harness.Stored("web");
        labelled.Metadata.Labels = new Dictionary<string, string> { ["tier"] = "front" };
        (await harness.Cluster.Resource<Pod>().UpdateAsync(labelled, cancellationToken: TestContext.Current.CancellationToken)).Unwrap();
        await FleetHarness.SettleAsync();
        Assert.Equal(3, harness.StatusWrites("web"));
    }

    [Fact]
    public async Task Watch_resumes_after_the_server_ends_it_and_relists_after_compaction()
    {
        await using var harness = new FleetHarness(FleetHarness.Fixed(1, s_latency));
        await harness.StartAsync();
        harness.BoundPod("before", "sim-0");
        await harness.AdvanceUntilAsync(() => harness.Stored("before").Status.Phase == "Running", "before to run", s_latency, TimeSpan.FromSeconds(1));

        harness.Cluster.CloseWatches();
        harness.BoundPod("after-close", "sim-0");
        await harness.AdvanceUntilAsync(() => harness.Stored("after-close").Status.Phase == "Running", "after-close to run", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));

        // While the fleet cannot watch, a pod is created and history compacted past the fleet's revision: the
        // resumed watch is answered 410 and the fleet lists again.
        using (harness.Cluster.FailWhile(call => call.Verb == InMemoryVerb.Watch ? new Status { Code = 503, Reason = "ServiceUnavailable", Message = "down" } : null))
        {
            harness.Cluster.CloseWatches();
            harness.BoundPod("after-compact", "sim-0");
            harness.Cluster.Compact();
            harness.Time.Advance(TimeSpan.FromSeconds(1));
            await FleetHarness.SettleAsync();
        }
        await harness.AdvanceUntilAsync(() => harness.Stored("after-compact").Status.Phase == "Running", "after-compact to run", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
        Assert.True(harness.Fleet.Stats.PodLists >= 2);
        Assert.Equal(1, harness.StatusWrites("before"));
    }

    [Fact]
    public async Task A_restarted_fleet_adopts_its_running_pods_without_writing()
    {
        await using var cluster = new InMemoryClusterClient(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestClock.Start));
        await using (var first = new FleetHarness(FleetHarness.Fixed(1, s_latency), cluster))
        {
            await first.StartAsync();
            first.BoundPod("web", "sim-0");
            await first.AdvanceUntilAsync(() => first.Stored("web").Status.Phase == "Running", "web to run", s_latency, TimeSpan.FromSeconds(1));
        }
        await using var second = new FleetHarness(FleetHarness.Fixed(1, s_latency), cluster);
        cluster.ClearActions();
        await second.StartAsync();
        second.Time.Advance(TimeSpan.FromSeconds(5));
        await FleetHarness.SettleAsync();
        Assert.Empty(cluster.Writes(InMemoryVerb.UpdateStatus, "pods"));
        Assert.Equal(1, second.Fleet.Stats.PodsRunning);
    }

    [Fact]
    public void Options_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new SimFleetOptions { Count = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new SimFleetOptions { Count = 70_000 }.Validate());
        Assert.Throws<ArgumentException>(() => new SimFleetOptions { Pods = 300 }.Validate());
        Assert.Throws<ArgumentException>(() => new SimFleetOptions { FailureRate = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new SimFleetOptions { Cpu = "lots" }.Validate());
        new SimFleetOptions { Count = 5000, StartLatency = SimLatency.Exponential(TimeSpan.FromSeconds(1)) }.Validate();
    }
}
