using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>What in a pod's update matters to the scheduler.</summary>
internal static class PodChanges
{
    /// <summary>
    /// True when an unscheduled pod's own update may change where it fits (kube-scheduler's isPodUpdated: anything
    /// but status, resourceVersion and managed fields). Our own PodScheduled=False status write is not such a change,
    /// so it never sends the pod round the queue again.
    /// </summary>
    public static bool CouldHelpItself(Pod before, Pod after)
    {
        if (ReferenceEquals(before, after))
        {
            return false;
        }
        return !DictionaryEquality.Equal(before.Metadata.Labels, after.Metadata.Labels)
            || !DictionaryEquality.Equal(before.Metadata.Annotations, after.Metadata.Annotations)
            || !ApiMessagePack.Serialize(before.Spec).AsSpan().SequenceEqual(ApiMessagePack.Serialize(after.Spec));
    }

    /// <summary>True when the labels of an assigned pod changed (affinity and spread can change for others).</summary>
    public static bool LabelsChanged(Pod before, Pod after) =>
        !DictionaryEquality.Equal(before.Metadata.Labels, after.Metadata.Labels);
}
