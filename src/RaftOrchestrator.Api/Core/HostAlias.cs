using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>An /etc/hosts entry.</summary>
[MessagePackObject]
public sealed class HostAlias
{
    [Key(0)] public string IP { get; set; } = "";

    [Key(1)] public List<string>? Hostnames { get; set; }
}
