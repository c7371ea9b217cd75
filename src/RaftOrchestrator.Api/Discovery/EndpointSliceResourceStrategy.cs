using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Discovery;

/// <summary>
/// EndpointSlices (Kubernetes' endpointSliceStrategy): port names default to "" and protocols to TCP, the address
/// type is immutable, and the generation moves when anything but the metadata changes, or the labels do.
/// </summary>
public sealed partial class EndpointSliceResourceStrategy : ResourceStrategy<EndpointSlice>
{
    public const string IPv4 = "IPv4";
    public const string IPv6 = "IPv6";
    public const string Fqdn = "FQDN";

    /// <summary>Sorted, as Kubernetes lists supported values.</summary>
    public static IReadOnlyList<string> AddressTypes { get; } = [Fqdn, IPv4, IPv6];

    public override void ApplyDefaults(EndpointSlice value)
    {
        foreach (EndpointPort port in value.Ports ?? [])
        {
            port.Name ??= "";
            port.Protocol ??= "TCP";
        }
    }

    /// <summary>
    /// What the generation tracks: the slice without its metadata, but with its labels (Kubernetes bumps the
    /// generation on a label change too, since the service-name label decides which service the slice serves).
    /// </summary>
    public override object? GetSpec(EndpointSlice value) => new EndpointSlice
    {
        Metadata = { Labels = value.Metadata.Labels },
        AddressType = value.AddressType,
        Endpoints = value.Endpoints,
        Ports = value.Ports,
    };

    public override void ValidateUpdate(EndpointSlice value, EndpointSlice old, FieldErrorList errors)
    {
        Validate(value, errors);
        if (value.AddressType != old.AddressType)
        {
            errors.Immutable("addressType", value.AddressType);
        }
    }
}
