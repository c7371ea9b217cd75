using System.Text;
using MessagePack;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Scheduling.Cache;

public sealed partial class PodInfo
{
    // Computed at most once per PodInfo (immutable); a race computes the same string twice, which is harmless.
    private string? _groupKey;
    private string? _antiAffinityGroupKey;

    /// <summary>
    /// The namespace, the labels (keys in ordinal order) and whether the pod is terminating: pods with equal keys are
    /// selected by exactly the same label selectors and namespace rules (PodTopologySpread also leaves terminating pods
    /// out), so plugins that count matching pods evaluate a selector once per group (<see cref="NodeInfo.PodGroups"/>)
    /// instead of once per pod.
    /// </summary>
    internal string GroupKey => _groupKey ??= ComputeGroupKey();

    /// <summary>
    /// <see cref="GroupKey"/> plus the required anti-affinity terms as stored: pods with equal keys compile to the same
    /// terms (a term's namespaces and mismatchLabelKeys depend only on the owner's namespace and labels).
    /// </summary>
    internal string AntiAffinityGroupKey => _antiAffinityGroupKey ??=
        GroupKey + "\u0001" + Convert.ToBase64String(MessagePackSerializer.Serialize(RequiredAntiAffinityTerms, ApiMessagePack.Options));

    private string ComputeGroupKey()
    {
        var key = new StringBuilder(Namespace).Append(Pod.Metadata.DeletionTimestamp is null ? "" : "\u0002terminating");
        if (Pod.Metadata.Labels is { Count: > 0 } labels)
        {
            foreach (KeyValuePair<string, string> label in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                key.Append('\0').Append(label.Key).Append('=').Append(label.Value);
            }
        }
        return key.ToString();
    }
}
