using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

public sealed partial class ServiceResourceStrategy
{
    private static readonly string[] s_affinities = ["ClientIP", "None"];
    private static readonly string[] s_trafficPolicies = ["Cluster", "Local"];
    private static readonly string[] s_familyPolicies = ["PreferDualStack", "RequireDualStack", "SingleStack"];
    private static readonly string[] s_families = ["IPv4", "IPv6"];

    public override void Validate(Service value, FieldErrorList errors)
    {
        ServiceSpec spec = value.Spec ?? new ServiceSpec();
        string type = spec.Type ?? "";
        if (!Types.Contains(type))
        {
            errors.NotSupported("spec.type", type, Types);
        }
        bool headless = spec.ClusterIP == None;
        if (type == ExternalName)
        {
            ValidateExternalName(spec, errors);
        }
        else if ((spec.Ports?.Count ?? 0) == 0 && !headless)
        {
            errors.Required("spec.ports");
        }
        Ports(spec, type, errors);
        if (!string.IsNullOrEmpty(spec.ClusterIP) && !headless)
        {
            NetworkValidation.Ip("spec.clusterIP", spec.ClusterIP, errors);
        }
        if (spec.ClusterIPs is { Count: > 0 } ips)
        {
            if (ips[0] != spec.ClusterIP)
            {
                errors.Invalid("spec.clusterIPs", string.Join(",", ips), "first value must match `clusterIP`");
            }
            for (int i = 1; i < ips.Count; i++)
            {
                NetworkValidation.Ip($"spec.clusterIPs[{i}]", ips[i], errors);
            }
        }
        for (int i = 0; i < (spec.ExternalIPs?.Count ?? 0); i++)
        {
            NetworkValidation.Ip($"spec.externalIPs[{i}]", spec.ExternalIPs![i], errors);
        }
        OneOf("spec.sessionAffinity", spec.SessionAffinity, s_affinities, errors);
        if (spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds is int timeout and (<= 0 or > 86400))
        {
            errors.Invalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds", timeout, "must be greater than 0 and less than 86400");
        }
        TrafficAndFamilies(spec, type, errors);
        if (type == LoadBalancer)
        {
            for (int i = 0; i < (spec.LoadBalancerSourceRanges?.Count ?? 0); i++)
            {
                NetworkValidation.Cidr($"spec.loadBalancerSourceRanges[{i}]", spec.LoadBalancerSourceRanges![i].Trim(), errors);
            }
        }
        else if (spec.LoadBalancerClass is not null)
        {
            errors.Forbidden("spec.loadBalancerClass", "may only be used when `type` is 'LoadBalancer'");
        }
    }

    /// <summary>The cluster IP is fixed once allocated (an update that leaves it out keeps it, see PrepareForUpdate).</summary>
    public override void ValidateUpdate(Service value, Service old, FieldErrorList errors)
    {
        Validate(value, errors);
        ServiceSpec spec = value.Spec ?? new ServiceSpec();
        ServiceSpec oldSpec = old.Spec ?? new ServiceSpec();
        if (spec.Type != ExternalName && oldSpec.Type != ExternalName && !string.IsNullOrEmpty(oldSpec.ClusterIP)
            && spec.ClusterIP != oldSpec.ClusterIP)
        {
            errors.Immutable("spec.clusterIP", spec.ClusterIP);
        }
        if (!string.IsNullOrEmpty(oldSpec.LoadBalancerClass) && oldSpec.Type == LoadBalancer && spec.Type == LoadBalancer
            && spec.LoadBalancerClass != oldSpec.LoadBalancerClass)
        {
            errors.Immutable("spec.loadBalancerClass", spec.LoadBalancerClass);
        }
    }

    private static void ValidateExternalName(ServiceSpec spec, FieldErrorList errors)
    {
        string name = (spec.ExternalName ?? "").TrimEnd('.');
        if (name.Length == 0)
        {
            errors.Required("spec.externalName");
        }
        else if (!NameValidation.IsDns1123Subdomain(name) || !name.Contains('.', StringComparison.Ordinal))
        {
            errors.Invalid("spec.externalName", spec.ExternalName, "should be a domain with at least two segments separated by dots");
        }
        if (!string.IsNullOrEmpty(spec.ClusterIP))
        {
            errors.Forbidden("spec.clusterIP", "may not be set for ExternalName services");
        }
    }

    private static void Ports(ServiceSpec spec, string type, FieldErrorList errors)
    {
        List<ServicePort> ports = spec.Ports ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<(int, string?)>();
        var nodePorts = new HashSet<(int, string?)>();
        for (int i = 0; i < ports.Count; i++)
        {
            ServicePort port = ports[i];
            string field = $"spec.ports[{i}]";
            if (string.IsNullOrEmpty(port.Name))
            {
                if (ports.Count > 1)
                {
                    errors.Required($"{field}.name");
                }
            }
            else
            {
                NameValidation.Dns1123Label($"{field}.name", port.Name, errors);
                if (!names.Add(port.Name))
                {
                    errors.Duplicate($"{field}.name", port.Name);
                }
            }
            NetworkValidation.PortNumber($"{field}.port", port.Port, errors);
            NetworkValidation.Protocol($"{field}.protocol", port.Protocol, errors);
            if (!pairs.Add((port.Port, port.Protocol)))
            {
                errors.Duplicate(field, $"{port.Port}/{port.Protocol}");
            }
            TargetPort($"{field}.targetPort", port, errors);
            if (port.NodePort is int nodePort and not 0)
            {
                if (type == ClusterIP)
                {
                    errors.Forbidden($"{field}.nodePort", "may not be used when `type` is 'ClusterIP'");
                }
                NetworkValidation.PortNumber($"{field}.nodePort", nodePort, errors);
                if (!nodePorts.Add((nodePort, port.Protocol)))
                {
                    errors.Duplicate($"{field}.nodePort", nodePort);
                }
            }
        }
    }

    private static void TargetPort(string field, ServicePort port, FieldErrorList errors)
    {
        if (port.TargetPort is not { } target)
        {
            return;
        }
        if (target.IsInt)
        {
            NetworkValidation.PortNumber(field, target.IntValue, errors);
        }
        else if (NameValidation.PortNameProblem(target.StringValue!) is { } problem)
        {
            errors.Invalid(field, target.StringValue, problem);
        }
    }

    private static void TrafficAndFamilies(ServiceSpec spec, string type, FieldErrorList errors)
    {
        if (!string.IsNullOrEmpty(spec.ExternalTrafficPolicy))
        {
            if (type is ClusterIP or ExternalName)
            {
                errors.Invalid("spec.externalTrafficPolicy", spec.ExternalTrafficPolicy, "may only be set when `type` is 'NodePort' or 'LoadBalancer'");
            }
            else
            {
                OneOf("spec.externalTrafficPolicy", spec.ExternalTrafficPolicy, s_trafficPolicies, errors);
            }
        }
        if (!string.IsNullOrEmpty(spec.InternalTrafficPolicy))
        {
            OneOf("spec.internalTrafficPolicy", spec.InternalTrafficPolicy, s_trafficPolicies, errors);
        }
        if (!string.IsNullOrEmpty(spec.IpFamilyPolicy))
        {
            OneOf("spec.ipFamilyPolicy", spec.IpFamilyPolicy, s_familyPolicies, errors);
        }
        List<string> families = spec.IpFamilies ?? [];
        for (int i = 0; i < families.Count; i++)
        {
            OneOf($"spec.ipFamilies[{i}]", families[i], s_families, errors);
            if (families.IndexOf(families[i]) != i)
            {
                errors.Duplicate($"spec.ipFamilies[{i}]", families[i]);
            }
        }
        if (families.Count > 2)
        {
            errors.Invalid("spec.ipFamilies", string.Join(",", families), "may specify no more than one IP for each IP family");
        }
        if (spec.IpFamilyPolicy == "SingleStack" && families.Count > 1)
        {
            errors.Invalid("spec.ipFamilies", string.Join(",", families), "must be a single entry when `ipFamilyPolicy` is 'SingleStack'");
        }
    }

    private static void OneOf(string field, string? value, IReadOnlyList<string> supported, FieldErrorList errors)
    {
        if (value is null || !supported.Contains(value))
        {
            errors.NotSupported(field, value, supported);
        }
    }
}
