using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Agent.Env;

/// <summary>
/// The downward API of env vars: the pod fields a fieldRef may name (the kubelet's podFieldSelectorRuntimeValue)
/// and the container resources a resourceFieldRef may name (ExtractContainerResourceValue).
/// </summary>
public static class FieldRefs
{
    /// <summary>The value of a fieldRef's path; false (with the kubelet's message) for a path env vars cannot use.</summary>
    public static bool TryGet(Pod pod, string fieldPath, PodAddresses addresses, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(fieldPath);
        ArgumentNullException.ThrowIfNull(addresses);
        error = null;
        value = fieldPath switch
        {
            "metadata.name" => pod.Metadata.Name ?? "",
            "metadata.namespace" => pod.Metadata.Namespace ?? "",
            "metadata.uid" => pod.Metadata.Uid ?? "",
            "spec.nodeName" => pod.Spec.NodeName ?? "",
            "spec.serviceAccountName" => pod.Spec.ServiceAccountName ?? "",
            "status.podIP" or "status.podIPs" => addresses.PodIP,
            "status.hostIP" or "status.hostIPs" => addresses.HostIP,
            _ => Subscripted(pod.Metadata, fieldPath),
        };
        if (value is null)
        {
            error = $"unsupported fieldPath: {fieldPath}";
            return false;
        }
        return true;
    }

    /// <summary>
    /// limits.cpu, limits.memory, limits.ephemeral-storage and the same requests, divided by the divisor and rounded
    /// up. An unset limit is the node's allocatable amount (as the kubelet does), an unset request 0.
    /// </summary>
    public static bool TryGetResource(Container container, ResourceFieldSelector selector, IReadOnlyDictionary<string, Quantity> allocatable,
        [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(allocatable);
        value = null;
        error = null;
        string[] parts = selector.Resource.Split('.', 2);
        if (parts.Length != 2 || parts[0] is not ("limits" or "requests") || parts[1] is not ("cpu" or "memory" or "ephemeral-storage"))
        {
            error = $"unsupported container resource : {selector.Resource}";
            return false;
        }
        Dictionary<string, Quantity>? set = parts[0] == "limits" ? container.Resources?.Limits : container.Resources?.Requests;
        Quantity amount = set is not null && set.TryGetValue(parts[1], out Quantity given) ? given
            : parts[0] == "limits" && allocatable.TryGetValue(parts[1], out Quantity node) ? node
            : new Quantity("0");
        Quantity divisor = selector.Divisor ?? new Quantity("1");
        if (!Quantity.TryParse(amount.Text, out decimal a) || !Quantity.TryParse(divisor.Text, out decimal d) || d <= 0)
        {
            error = $"invalid quantity for {selector.Resource}";
            return false;
        }
        value = Math.Ceiling(a / d).ToString(CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>metadata.labels['key'] and metadata.annotations['key']: the value, "" when absent; null for other paths.</summary>
    private static string? Subscripted(ObjectMeta meta, string path)
    {
        foreach ((string prefix, Dictionary<string, string>? map) in new[] { ("metadata.labels['", meta.Labels), ("metadata.annotations['", meta.Annotations) })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal) && path.EndsWith("']", StringComparison.Ordinal) && path.Length > prefix.Length + 2)
            {
                string key = path[prefix.Length..^2];
                return map is not null && map.TryGetValue(key, out string? found) ? found : "";
            }
        }
        return null;
    }
}
