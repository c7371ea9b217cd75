using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// Services: Kubernetes' defaults (SetDefaults_Service and the IP-family defaults of the REST layer), the
/// allocated values an update without them keeps, validation and the table. IP and node port allocation is not
/// here: the server allocates after defaulting.
/// </summary>
public sealed partial class ServiceResourceStrategy : ResourceStrategy<Service>
{
    public const string ClusterIP = "ClusterIP";
    public const string NodePort = "NodePort";
    public const string LoadBalancer = "LoadBalancer";
    public const string ExternalName = "ExternalName";

    /// <summary>The clusterIP of a headless service.</summary>
    public const string None = "None";

    public static IReadOnlyList<string> Types { get; } = [ClusterIP, ExternalName, LoadBalancer, NodePort];

    public override Action<string, string?, FieldErrorList> NameRule => NameValidation.Dns1035Label;

    public override bool HasStatusSubresource => true;

    public override void ApplyDefaults(Service value)
    {
        ServiceSpec spec = value.Spec ??= new ServiceSpec();
        if (string.IsNullOrEmpty(spec.SessionAffinity))
        {
            spec.SessionAffinity = "None";
        }
        if (spec.SessionAffinity == "ClientIP")
        {
            spec.SessionAffinityConfig ??= new SessionAffinityConfig();
            spec.SessionAffinityConfig.ClientIP ??= new ClientIPConfig();
            spec.SessionAffinityConfig.ClientIP.TimeoutSeconds ??= 10800;
        }
        if (string.IsNullOrEmpty(spec.Type))
        {
            spec.Type = ClusterIP;
        }
        foreach (ServicePort port in spec.Ports ?? [])
        {
            if (string.IsNullOrEmpty(port.Protocol))
            {
                port.Protocol = "TCP";
            }
            if (port.TargetPort is null or { IsInt: true, IntValue: 0 } or { StringValue: "" })
            {
                port.TargetPort = IntOrString.FromInt(port.Port);
            }
        }
        if (spec.Type is NodePort or LoadBalancer && string.IsNullOrEmpty(spec.ExternalTrafficPolicy))
        {
            spec.ExternalTrafficPolicy = "Cluster";
        }
        if (spec.Type == LoadBalancer)
        {
            spec.AllocateLoadBalancerNodePorts ??= true;
        }
        if (spec.Type != ExternalName)
        {
            if (string.IsNullOrEmpty(spec.InternalTrafficPolicy))
            {
                spec.InternalTrafficPolicy = "Cluster";
            }
            if (string.IsNullOrEmpty(spec.IpFamilyPolicy))
            {
                // A headless service without a selector has no pods to take families from: it serves both.
                bool selectorlessHeadless = spec.ClusterIP == None && (spec.Selector?.Count ?? 0) == 0;
                spec.IpFamilyPolicy = selectorlessHeadless ? "RequireDualStack" : "SingleStack";
            }
        }
    }

    public override void PrepareForCreate(Service value) => value.Status = new ServiceStatus();

    /// <summary>
    /// Keeps the status, and the values the server allocated (cluster IPs, node ports, the health check port) when
    /// the update leaves them out and still needs them, as Kubernetes' patchAllocatedValues does: a manifest applied
    /// again without a clusterIP must not read as a request to change it.
    /// </summary>
    public override void PrepareForUpdate(Service value, Service old)
    {
        base.PrepareForUpdate(value, old);
        ServiceSpec spec = value.Spec ??= new ServiceSpec();
        ServiceSpec oldSpec = old.Spec ?? new ServiceSpec();
        if (spec.Type != ExternalName && oldSpec.Type != ExternalName)
        {
            if (string.IsNullOrEmpty(spec.ClusterIP))
            {
                spec.ClusterIP = oldSpec.ClusterIP;
            }
            if ((spec.ClusterIPs?.Count ?? 0) == 0 && oldSpec.ClusterIPs is { Count: > 0 } ips && ips[0] == spec.ClusterIP)
            {
                spec.ClusterIPs = [.. ips];
            }
        }
        if (spec.Type is NodePort or LoadBalancer && oldSpec.Type is NodePort or LoadBalancer)
        {
            foreach (ServicePort port in spec.Ports ?? [])
            {
                if (port.NodePort is null or 0
                    && oldSpec.Ports?.Find(p => p.Port == port.Port && p.Protocol == port.Protocol) is { NodePort: > 0 } was)
                {
                    port.NodePort = was.NodePort;
                }
            }
        }
        if (spec is { Type: LoadBalancer, ExternalTrafficPolicy: "Local", HealthCheckNodePort: null or 0 }
            && oldSpec is { Type: LoadBalancer, ExternalTrafficPolicy: "Local" })
        {
            spec.HealthCheckNodePort = oldSpec.HealthCheckNodePort;
        }
    }

    public override object? GetSpec(Service value) => value.Spec;

    public override void CopyStatus(Service source, Service target) => target.Status = source.Status;

    public override bool TryGetField(Service value, string field, out string? fieldValue)
    {
        fieldValue = field switch
        {
            "spec.clusterIP" => value.Spec?.ClusterIP ?? "",
            "spec.type" => value.Spec?.Type ?? "",
            _ => null,
        };
        return fieldValue is not null;
    }
}
