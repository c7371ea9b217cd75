using System.Buffers;
using System.Globalization;
using System.Text.Json;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// The status write after a failed attempt (kube-scheduler's updatePod): PodScheduled=False with the reason and
/// the FitError text, and status.nominatedNodeName when preemption nominated a node — as a strategic merge patch on
/// the status subresource (conditions merge by type, so other conditions stay).
/// </summary>
internal static class PodConditionPatch
{
    public const string PodScheduled = "PodScheduled";
    public const string Unschedulable = "Unschedulable";
    public const string SchedulerError = "SchedulerError";

    /// <summary>
    /// The patch, or null when the pod already carries this condition (same status, reason and message) and the same
    /// nomination: then nothing is written, as kube-scheduler skips unchanged conditions.
    /// </summary>
    public static Patch? For(Pod pod, string reason, string message, string? nominatedNodeName, DateTime now)
    {
        PodCondition? current = pod.Status.Conditions?.Find(c => c.Type == PodScheduled);
        bool sameCondition = current is { Status: "False" } && current.Reason == reason && current.Message == message;
        bool sameNomination = nominatedNodeName is null || nominatedNodeName == pod.Status.NominatedNodeName;
        if (sameCondition && sameNomination)
        {
            return null;
        }
        DateTime transition = current is { Status: "False", LastTransitionTime: { } kept } ? kept : now;
        var buffer = new ArrayBufferWriter<byte>(256 + message.Length);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("status");
            json.WriteStartArray("conditions");
            json.WriteStartObject();
            json.WriteString("type", PodScheduled);
            json.WriteString("status", "False");
            json.WriteNull("lastProbeTime");
            json.WriteString("lastTransitionTime", transition.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteString("reason", reason);
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndArray();
            if (nominatedNodeName is not null)
            {
                json.WriteString("nominatedNodeName", nominatedNodeName);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return new Patch(PatchType.StrategicMerge, buffer.WrittenMemory.ToArray(), "status");
    }
}
