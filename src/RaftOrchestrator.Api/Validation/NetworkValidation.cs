using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RaftOrchestrator.Api.Validation;

/// <summary>Ports, protocols, IP addresses and CIDRs, with Kubernetes' wording.</summary>
public static class NetworkValidation
{
    /// <summary>The protocols of service, endpoint and container ports.</summary>
    public static IReadOnlyList<string> Protocols { get; } = ["SCTP", "TCP", "UDP"];

    public static bool IsPortNumber(int port) => port is >= 1 and <= 65535;

    public static void PortNumber(string field, int port, FieldErrorList errors)
    {
        if (!IsPortNumber(port))
        {
            errors.Invalid(field, port, "must be between 1 and 65535, inclusive");
        }
    }

    /// <summary>A port's protocol: required, and one of <see cref="Protocols"/>.</summary>
    public static void Protocol(string field, string? protocol, FieldErrorList errors)
    {
        if (string.IsNullOrEmpty(protocol))
        {
            errors.Required(field);
        }
        else if (!Protocols.Contains(protocol))
        {
            errors.NotSupported(field, protocol, Protocols);
        }
    }

    /// <summary>An IPv4 address in dotted-quad form or an IPv6 address (no zone, no shortened IPv4 such as "10.1").</summary>
    public static bool IsIp(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Contains('%', StringComparison.Ordinal)
            || !IPAddress.TryParse(value, out IPAddress? address))
        {
            return false;
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6 || value.Split('.').Length == 4;
    }

    public static bool IsIpv4(string? value) => IsIp(value) && !value!.Contains(':', StringComparison.Ordinal);

    public static void Ip(string field, string? value, FieldErrorList errors)
    {
        if (!IsIp(value))
        {
            errors.Invalid(field, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
        }
    }

    /// <summary>An address and a prefix length that fits its family ("10.244.0.0/24", "fd00::/64"); host bits may be set.</summary>
    public static bool IsCidr(string? value)
    {
        int slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0 || !IsIp(value![..slash]))
        {
            return false;
        }
        int max = value.Contains(':', StringComparison.Ordinal) ? 128 : 32;
        string prefix = value[(slash + 1)..];
        return prefix.Length is > 0 and <= 3 && prefix.All(char.IsAsciiDigit)
            && int.Parse(prefix, CultureInfo.InvariantCulture) <= max;
    }

    public static void Cidr(string field, string? value, FieldErrorList errors)
    {
        if (!IsCidr(value))
        {
            errors.Invalid(field, value, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)");
        }
    }
}
