using System.Globalization;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Scheduling;

/// <summary>
/// Binding batches are answered, not stored. A batch names at least one and at most <see cref="MaxBindings"/>
/// bindings, each a pod (namespace, name) and a node, no pod twice; a fence names its lease and holder in full.
/// </summary>
public sealed class BindingBatchResourceStrategy : ResourceStrategy<BindingBatch>
{
    /// <summary>
    /// Bindings per batch. A scheduler sends a few hundred; the bound keeps one request's evaluation (and its
    /// Raft entries, split when a batch outgrows one) short enough not to starve the replica's other writes.
    /// </summary>
    public const int MaxBindings = 5_000;

    public override void PrepareForCreate(BindingBatch value) => value.Status = null;

    public override void Validate(BindingBatch value, FieldErrorList errors)
    {
        BindingBatchSpec spec = value.Spec;
        if (spec.Fence is { } fence)
        {
            NameValidation.Dns1123Label("spec.fence.leaseNamespace", fence.LeaseNamespace, errors);
            NameValidation.Dns1123Subdomain("spec.fence.leaseName", fence.LeaseName, errors);
            if (string.IsNullOrEmpty(fence.HolderIdentity))
            {
                errors.Required("spec.fence.holderIdentity");
            }
        }
        List<PodBindingTarget>? bindings = spec.Bindings;
        if (bindings is null || bindings.Count == 0)
        {
            errors.Required("spec.bindings", "a batch needs at least one binding");
            return;
        }
        if (bindings.Count > MaxBindings)
        {
            errors.TooMany("spec.bindings", bindings.Count, MaxBindings);
            return;
        }
        var seen = new HashSet<(string, string)>();
        for (int i = 0; i < bindings.Count; i++)
        {
            string field = string.Create(CultureInfo.InvariantCulture, $"spec.bindings[{i}]");
            if (bindings[i] is not { } binding)
            {
                errors.Required(field);
                continue;
            }
            NameValidation.Dns1123Label(field + ".namespace", binding.Namespace, errors);
            NameValidation.Dns1123Subdomain(field + ".name", binding.Name, errors);
            NameValidation.Dns1123Subdomain(field + ".nodeName", binding.NodeName, errors);
            if (!string.IsNullOrEmpty(binding.ResourceVersion) && !long.TryParse(binding.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                errors.Invalid(field + ".resourceVersion", binding.ResourceVersion, "must be a resourceVersion read from the server");
            }
            if (!seen.Add((binding.Namespace, binding.Name)))
            {
                errors.Duplicate(field, $"{binding.Namespace}/{binding.Name}");
            }
        }
    }
}
