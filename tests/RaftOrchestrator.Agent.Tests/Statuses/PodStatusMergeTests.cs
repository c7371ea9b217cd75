using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Tests.Statuses;

public sealed class PodStatusMergeTests
{
    private static readonly DateTime s_before = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_now = s_before.AddMinutes(5);

    private static PodStatus Desired(string ready) => new()
    {
        Phase = "Running",
        HostIP = "192.0.2.1",
        PodIP = "10.0.0.1",
        StartTime = s_now,
        Conditions =
        [
            new PodCondition { Type = "Initialized", Status = "True" },
            new PodCondition { Type = "Ready", Status = ready },
        ],
        ContainerStatuses = [new ContainerStatus { Name = "main", Ready = ready == "True" }],
    };

    [Fact]
    public void Merge_OthersConditionsKeptOwnedReplacedTransitionTimesKeptWhenUnchanged()
    {
        var api = new PodStatus
        {
            Phase = "Pending",
            NominatedNodeName = "n",
            QosClass = "BestEffort",
            StartTime = s_before,
            Conditions =
            [
                new PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = s_before },
                new PodCondition { Type = "Initialized", Status = "True", LastTransitionTime = s_before },
                new PodCondition { Type = "Ready", Status = "False", LastTransitionTime = s_before, Reason = "ContainersNotReady" },
                new PodCondition { Type = "example.com/gate", Status = "True", LastTransitionTime = s_before },
            ],
        };

        PodStatus merged = PodStatusMerge.Merge(api, Desired("True"), s_now)!;

        Assert.Equal(["PodScheduled", "example.com/gate", "Initialized", "Ready"], merged.Conditions!.Select(c => c.Type));
        Assert.Equal(s_before, merged.Conditions![2].LastTransitionTime);
        Assert.Equal(s_now, merged.Conditions[3].LastTransitionTime);
        Assert.Null(merged.Conditions[3].Reason);
        Assert.Equal(("Running", "n", "BestEffort", s_before), (merged.Phase, merged.NominatedNodeName, merged.QosClass, merged.StartTime));
    }

    [Fact]
    public void Merge_SameAsApi_Null()
    {
        PodStatus first = PodStatusMerge.Merge(new PodStatus { Phase = "Pending" }, Desired("True"), s_now)!;

        Assert.Null(PodStatusMerge.Merge(first, Desired("True"), s_now.AddMinutes(1)));
        Assert.NotNull(PodStatusMerge.Merge(first, Desired("False"), s_now.AddMinutes(1)));
    }

    [Fact]
    public void Merge_NoPodScheduled_AddedTrue()
    {
        PodStatus merged = PodStatusMerge.Merge(new PodStatus(), Desired("True"), s_now)!;

        PodCondition scheduled = merged.Conditions!.Find(c => c.Type == "PodScheduled")!;
        Assert.Equal(("True", s_now), (scheduled.Status, scheduled.LastTransitionTime));
    }

    [Fact]
    public void Merge_ApiTerminal_PhaseNotReverted()
    {
        Assert.Equal("Failed", PodStatusMerge.Merge(new PodStatus { Phase = "Failed" }, Desired("True"), s_now)!.Phase);
    }
}
