namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>A host port a pod binds: (hostIP, protocol, port), sanitised (empty IP is 0.0.0.0, empty protocol TCP).</summary>
public readonly record struct HostPort(string Ip, string Protocol, int Port)
{
    public const string AnyIp = "0.0.0.0";

    public static HostPort Create(string? ip, string? protocol, int port) =>
        new(string.IsNullOrEmpty(ip) ? AnyIp : ip, string.IsNullOrEmpty(protocol) ? "TCP" : protocol, port);

    /// <summary>Two bindings conflict on the same protocol and port when their IPs are equal or either is 0.0.0.0.</summary>
    public bool ConflictsWith(HostPort other) =>
        Port == other.Port && Protocol == other.Protocol && (Ip == other.Ip || Ip == AnyIp || other.Ip == AnyIp);
}
