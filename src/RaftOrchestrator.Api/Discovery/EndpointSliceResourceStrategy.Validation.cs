using System.Net;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Discovery;

public sealed partial class EndpointSliceResourceStrategy
{
    public const int MaxEndpoints = 1000;
    public const int MaxAddresses = 100;
    public const int MaxPorts = 20000;
    public const int MaxZoneHints = 8;
    public const int MaxTopologyLabels = 16;

    public override void Validate(EndpointSlice value, FieldErrorList errors)
    {
        if (string.IsNullOrEmpty(value.AddressType))
        {
            errors.Required("addressType");
        }
        else if (!AddressTypes.Contains(value.AddressType))
        {
            errors.NotSupported("addressType", value.AddressType, AddressTypes);
        }
        Endpoints(value.Endpoints ?? [], value.AddressType, errors);
        Ports(value.Ports ?? [], errors);
    }

    private static void Endpoints(List<Endpoint> endpoints, string addressType, FieldErrorList errors)
    {
        if (endpoints.Count > MaxEndpoints)
        {
            errors.TooMany("endpoints", endpoints.Count, MaxEndpoints);
            return;
        }
        for (int i = 0; i < endpoints.Count; i++)
        {
            Endpoint endpoint = endpoints[i];
            string field = $"endpoints[{i}]";
            List<string> addresses = endpoint.Addresses ?? [];
            if (addresses.Count == 0)
            {
                errors.Required($"{field}.addresses", "must contain at least 1 address");
            }
            else if (addresses.Count > MaxAddresses)
            {
                errors.TooMany($"{field}.addresses", addresses.Count, MaxAddresses);
            }
            for (int a = 0; a < addresses.Count; a++)
            {
                Address($"{field}.addresses[{a}]", addresses[a], addressType, errors);
            }
            if (endpoint.NodeName is not null)
            {
                NameValidation.Dns1123Subdomain($"{field}.nodeName", endpoint.NodeName, errors);
            }
            if ((endpoint.DeprecatedTopology?.Count ?? 0) > MaxTopologyLabels)
            {
                errors.TooMany($"{field}.deprecatedTopology", endpoint.DeprecatedTopology!.Count, MaxTopologyLabels);
            }
            ObjectMetaValidation.Labels($"{field}.deprecatedTopology", endpoint.DeprecatedTopology, errors);
            if (endpoint.Hostname is not null)
            {
                NameValidation.Dns1123Label($"{field}.hostname", endpoint.Hostname, errors);
            }
            if (endpoint.Hints is not null)
            {
                Hints($"{field}.hints", endpoint.Hints, errors);
            }
        }
    }

    /// <summary>Unknown address types are not checked (their error is the addressType's).</summary>
    private static void Address(string field, string address, string addressType, FieldErrorList errors)
    {
        switch (addressType)
        {
            case IPv4 when !NetworkValidation.IsIpv4(address):
                errors.Invalid(field, address, "must be a valid IPv4 address");
                return;
            case IPv6 when !NetworkValidation.IsIp(address) || NetworkValidation.IsIpv4(address):
                errors.Invalid(field, address, "must be a valid IPv6 address");
                return;
            case IPv4 or IPv6:
                EndpointIp(field, address, errors);
                return;
            case Fqdn:
                Fqdns(field, address, errors);
                return;
        }
    }

    /// <summary>
    /// Kubernetes' ValidateEndpointIP: unspecified, loopback and link-local addresses make no sense as endpoints
    /// (link-local ones are node-centric, such as a metadata service).
    /// </summary>
    private static void EndpointIp(string field, string address, FieldErrorList errors)
    {
        IPAddress ip = IPAddress.Parse(address);
        byte[] bytes = ip.GetAddressBytes();
        bool v4 = bytes.Length == 4;
        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            errors.Invalid(field, address, $"may not be unspecified ({address})");
        }
        if (IPAddress.IsLoopback(ip))
        {
            errors.Invalid(field, address, "may not be in the loopback range (127.0.0.0/8, ::1/128)");
        }
        if (v4 ? bytes[0] == 169 && bytes[1] == 254 : ip.IsIPv6LinkLocal)
        {
            errors.Invalid(field, address, "may not be in the link-local range (169.254.0.0/16, fe80::/10)");
        }
        if (v4 ? bytes[0] == 224 && bytes[1] == 0 && bytes[2] == 0 : bytes[0] == 0xff && (bytes[1] & 0x0f) == 0x02)
        {
            errors.Invalid(field, address, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)");
        }
    }

    /// <summary>IsFullyQualifiedDomainName: at least two labels, the whole a DNS-1123 subdomain (a trailing dot allowed).</summary>
    private static void Fqdns(string field, string address, FieldErrorList errors)
    {
        string name = address.EndsWith('.') ? address[..^1] : address;
        if (!name.Contains('.', StringComparison.Ordinal))
        {
            errors.Invalid(field, address, "should be a domain with at least two segments separated by dots");
            return;
        }
        foreach (string label in name.Split('.'))
        {
            if (label.Length > 63)
            {
                errors.Invalid(field, address, "must be no more than 63 characters");
                return;
            }
        }
        NameValidation.Dns1123Subdomain(field, name, errors);
    }

    private static void Hints(string field, EndpointHints hints, FieldErrorList errors)
    {
        List<ForZone> zones = hints.ForZones ?? [];
        if (zones.Count > MaxZoneHints)
        {
            errors.TooMany($"{field}.forZones", zones.Count, MaxZoneHints);
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < zones.Count; i++)
        {
            string path = $"{field}.forZones[{i}].name";
            if (!seen.Add(zones[i].Name))
            {
                errors.Duplicate(path, zones[i].Name);
            }
            NameValidation.LabelValue(path, zones[i].Name, errors);
        }
        List<ForNode> nodes = hints.ForNodes ?? [];
        seen.Clear();
        for (int i = 0; i < nodes.Count; i++)
        {
            string path = $"{field}.forNodes[{i}].name";
            if (!seen.Add(nodes[i].Name))
            {
                errors.Duplicate(path, nodes[i].Name);
            }
            NameValidation.Dns1123Subdomain(path, nodes[i].Name, errors);
        }
    }

    private static void Ports(List<EndpointPort> ports, FieldErrorList errors)
    {
        if (ports.Count > MaxPorts)
        {
            errors.TooMany("ports", ports.Count, MaxPorts);
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < ports.Count; i++)
        {
            EndpointPort port = ports[i];
            string field = $"ports[{i}]";
            string name = port.Name ?? "";
            if (name.Length > 0)
            {
                NameValidation.Dns1123Label($"{field}.name", name, errors);
            }
            if (!names.Add(name))
            {
                errors.Duplicate($"{field}.name", name);
            }
            NetworkValidation.Protocol($"{field}.protocol", port.Protocol, errors);
            if (port.AppProtocol is not null)
            {
                NameValidation.QualifiedName($"{field}.appProtocol", port.AppProtocol, errors);
            }
        }
    }
}
