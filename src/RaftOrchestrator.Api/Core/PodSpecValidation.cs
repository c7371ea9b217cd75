using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// Kubernetes' ValidatePodSpec, for the rules that catch real mistakes: containers and their names, images, ports,
/// env, resources, probes and mounts; volumes; policies; scheduling fields. <c>path</c> arguments are
/// the spec's field path ("spec" for a pod, "spec.template.spec" for a controller), so errors name the field as
/// Kubernetes does.
/// </summary>
public static partial class PodSpecValidation
{
    private static readonly string[] s_restartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] s_dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    private static readonly string[] s_tolerationOperators = ["Equal", "Exists"];
    private static readonly string[] s_taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
    private static readonly string[] s_whenUnsatisfiable = ["DoNotSchedule", "ScheduleAnyway"];
    private static readonly string[] s_preemptionPolicies = ["PreemptLowerPriority", "Never"];

    public static void Validate(PodSpec spec, string path, FieldErrorList errors)
    {
        HashSet<string> volumes = ValidateVolumes(spec.Volumes, $"{path}.volumes", errors);
        var names = new HashSet<string>(StringComparer.Ordinal);
        ValidateContainers(spec.InitContainers, init: true, volumes, names, $"{path}.initContainers", errors);
        if (spec.Containers.Count == 0)
        {
            errors.Required($"{path}.containers");
        }
        ValidateContainers(spec.Containers, init: false, volumes, names, $"{path}.containers", errors);
        OneOf($"{path}.restartPolicy", spec.RestartPolicy, s_restartPolicies, errors);
        OneOf($"{path}.dnsPolicy", spec.DnsPolicy, s_dnsPolicies, errors);
        if (spec.DnsPolicy == "None" && (spec.DnsConfig?.Nameservers?.Count ?? 0) == 0)
        {
            errors.Required($"{path}.dnsConfig", "must provide `dnsConfig` when `dnsPolicy` is None");
        }
        if (spec.PreemptionPolicy is { } preemption && !s_preemptionPolicies.Contains(preemption))
        {
            errors.NotSupported($"{path}.preemptionPolicy", preemption, s_preemptionPolicies);
        }
        if (spec.TerminationGracePeriodSeconds < 0)
        {
            errors.Invalid($"{path}.terminationGracePeriodSeconds", spec.TerminationGracePeriodSeconds, "must be greater than or equal to 0");
        }
        if (spec.ActiveDeadlineSeconds is { } deadline && deadline is < 1 or > uint.MaxValue)
        {
            errors.Invalid($"{path}.activeDeadlineSeconds", deadline, $"must be between 1 and {uint.MaxValue}, inclusive");
        }
        ObjectMetaValidation.Labels($"{path}.nodeSelector", spec.NodeSelector, errors);
        OptionalName($"{path}.serviceAccountName", spec.ServiceAccountName, NameValidation.Dns1123Subdomain, errors);
        OptionalName($"{path}.nodeName", spec.NodeName, NameValidation.Dns1123Subdomain, errors);
        OptionalName($"{path}.priorityClassName", spec.PriorityClassName, NameValidation.Dns1123Subdomain, errors);
        OptionalName($"{path}.hostname", spec.Hostname, NameValidation.Dns1123Label, errors);
        OptionalName($"{path}.subdomain", spec.Subdomain, NameValidation.Dns1123Label, errors);
        ValidateTolerations(spec.Tolerations, $"{path}.tolerations", errors);
        ValidateSpread(spec.TopologySpreadConstraints, $"{path}.topologySpreadConstraints", errors);
    }

    public static void ValidateTolerations(List<Toleration>? tolerations, string path, FieldErrorList errors)
    {
        for (int i = 0; i < (tolerations?.Count ?? 0); i++)
        {
            Toleration t = tolerations![i];
            string at = $"{path}[{i}]";
            if (!string.IsNullOrEmpty(t.Key))
            {
                NameValidation.QualifiedName($"{at}.key", t.Key, errors);
            }
            if (string.IsNullOrEmpty(t.Key) && t.Operator != "Exists")
            {
                errors.Invalid($"{at}.operator", t.Operator ?? "",
                    "operator must be Exists when `key` is empty, which means \"match all values and all keys\"");
            }
            if (t.TolerationSeconds is not null && t.Effect != "NoExecute")
            {
                errors.Invalid($"{at}.effect", t.Effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set");
            }
            switch (t.Operator)
            {
                case null or "" or "Equal":
                    NameValidation.LabelValue($"{at}.value", t.Value ?? "", errors);
                    break;
                case "Exists":
                    if (!string.IsNullOrEmpty(t.Value))
                    {
                        errors.Invalid($"{at}.operator", t.Value, "value must be empty when `operator` is 'Exists'");
                    }
                    break;
                default:
                    errors.NotSupported($"{at}.operator", t.Operator, s_tolerationOperators);
                    break;
            }
            if (!string.IsNullOrEmpty(t.Effect) && !s_taintEffects.Contains(t.Effect))
            {
                errors.NotSupported($"{at}.effect", t.Effect, s_taintEffects);
            }
        }
    }

    private static void ValidateSpread(List<TopologySpreadConstraint>? constraints, string path, FieldErrorList errors)
    {
        var seen = new HashSet<(string, string)>();
        for (int i = 0; i < (constraints?.Count ?? 0); i++)
        {
            TopologySpreadConstraint c = constraints![i];
            string at = $"{path}[{i}]";
            if (c.MaxSkew <= 0)
            {
                errors.Invalid($"{at}.maxSkew", c.MaxSkew, "must be greater than zero");
            }
            if (c.TopologyKey.Length == 0)
            {
                errors.Required($"{at}.topologyKey", "can not be empty");
            }
            else
            {
                NameValidation.QualifiedName($"{at}.topologyKey", c.TopologyKey, errors);
            }
            if (!s_whenUnsatisfiable.Contains(c.WhenUnsatisfiable))
            {
                errors.NotSupported($"{at}.whenUnsatisfiable", c.WhenUnsatisfiable, s_whenUnsatisfiable);
            }
            else if (!seen.Add((c.TopologyKey, c.WhenUnsatisfiable)))
            {
                errors.Duplicate($"{at}.{{topologyKey, whenUnsatisfiable}}", $"{{{c.TopologyKey}, {c.WhenUnsatisfiable}}}");
            }
            if (c.MinDomains is { } min && (min <= 0 || c.WhenUnsatisfiable != "DoNotSchedule"))
            {
                errors.Invalid($"{at}.minDomains", min, min <= 0
                    ? "must be greater than 0"
                    : "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway");
            }
            if (c.LabelSelector is { } selector)
            {
                WorkloadSelector.Validate(selector, $"{at}.labelSelector", errors);
            }
        }
    }

    /// <summary>A required enum-like field: empty is Required, an unknown value NotSupported.</summary>
    private static void OneOf(string field, string? value, string[] supported, FieldErrorList errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Required(field);
        }
        else if (!supported.Contains(value))
        {
            errors.NotSupported(field, value, supported);
        }
    }

    private static void OptionalName(string field, string? value, Action<string, string?, FieldErrorList> rule, FieldErrorList errors)
    {
        if (!string.IsNullOrEmpty(value))
        {
            rule(field, value, errors);
        }
    }

    private static void NotFound(string field, string value, FieldErrorList errors) =>
        errors.Add(new FieldError("FieldValueNotFound", field, $"Not found: \"{value}\""));
}
