using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// Nodes: the kubelet creates its node with a status (kept on create) and then writes status through the
/// status subresource. podCIDR(s) and providerID may be set once and never changed.
/// </summary>
public sealed partial class NodeResourceStrategy : ResourceStrategy<Node>
{
    public static IReadOnlyList<string> TaintEffects { get; } = ["NoExecute", "NoSchedule", "PreferNoSchedule"];

    public override bool HasStatusSubresource => true;

    /// <summary>Kubernetes' only node default: allocatable equals capacity when the kubelet reports no allocatable.</summary>
    public override void ApplyDefaults(Node value)
    {
        if (value.Status is { Allocatable: null, Capacity: { } capacity })
        {
            value.Status.Allocatable = new(capacity);
        }
    }

    public override void Validate(Node value, FieldErrorList errors)
    {
        NodeSpec? spec = value.Spec;
        if (spec is null)
        {
            return;
        }
        Taints(spec.Taints, errors);
        if (!string.IsNullOrEmpty(spec.PodCIDR))
        {
            NetworkValidation.Cidr("spec.podCIDR", spec.PodCIDR, errors);
        }
        List<string> cidrs = spec.PodCIDRs ?? [];
        for (int i = 0; i < cidrs.Count; i++)
        {
            NetworkValidation.Cidr($"spec.podCIDRs[{i}]", cidrs[i], errors);
        }
        if (cidrs.Count > 2)
        {
            errors.Invalid("spec.podCIDRs", string.Join(",", cidrs), "may specify no more than one CIDR for each IP family");
        }
        else if (cidrs.Count == 2 && NetworkValidation.IsCidr(cidrs[0]) && NetworkValidation.IsCidr(cidrs[1])
            && cidrs[0].Contains(':', StringComparison.Ordinal) == cidrs[1].Contains(':', StringComparison.Ordinal))
        {
            errors.Invalid("spec.podCIDRs", string.Join(",", cidrs), "may specify no more than one CIDR for each IP family");
        }
        if (cidrs.Count > 0 && !string.IsNullOrEmpty(spec.PodCIDR) && spec.PodCIDR != cidrs[0])
        {
            errors.Invalid("spec.podCIDR", spec.PodCIDR, "must match the first entry of spec.podCIDRs");
        }
    }

    public override void ValidateUpdate(Node value, Node old, FieldErrorList errors)
    {
        Validate(value, errors);
        string oldCidrs = string.Join(",", old.Spec?.PodCIDRs ?? []);
        string newCidrs = string.Join(",", value.Spec?.PodCIDRs ?? []);
        if (oldCidrs.Length > 0 && oldCidrs != newCidrs)
        {
            errors.Forbidden("spec.podCIDRs", "node updates may not change podCIDR except from \"\" to valid");
        }
        if (!string.IsNullOrEmpty(old.Spec?.PodCIDR) && old.Spec.PodCIDR != value.Spec?.PodCIDR)
        {
            errors.Forbidden("spec.podCIDR", "node updates may not change podCIDR except from \"\" to valid");
        }
        if (!string.IsNullOrEmpty(old.Spec?.ProviderID) && old.Spec.ProviderID != value.Spec?.ProviderID)
        {
            errors.Forbidden("spec.providerID", "node updates may not change providerID except from \"\" to valid");
        }
    }

    public override object? GetSpec(Node value) => value.Spec;

    public override void CopyStatus(Node source, Node target) => target.Status = source.Status;

    public override bool TryGetField(Node value, string field, out string? fieldValue)
    {
        fieldValue = field == "spec.unschedulable" ? (value.Spec?.Unschedulable == true ? "true" : "false") : null;
        return fieldValue is not null;
    }

    private static void Taints(List<Taint>? taints, FieldErrorList errors)
    {
        var seen = new HashSet<(string, string)>();
        for (int i = 0; i < (taints?.Count ?? 0); i++)
        {
            Taint taint = taints![i];
            string field = $"spec.taints[{i}]";
            NameValidation.QualifiedName($"{field}.key", taint.Key, errors);
            if (!string.IsNullOrEmpty(taint.Value))
            {
                NameValidation.LabelValue($"{field}.value", taint.Value, errors);
            }
            if (string.IsNullOrEmpty(taint.Effect))
            {
                errors.Required($"{field}.effect");
            }
            else if (!TaintEffects.Contains(taint.Effect))
            {
                errors.NotSupported($"{field}.effect", taint.Effect, TaintEffects);
            }
            if (!seen.Add((taint.Key, taint.Effect)))
            {
                errors.Duplicate($"{field}", $"{taint.Key}:{taint.Effect}");
            }
        }
    }
}
