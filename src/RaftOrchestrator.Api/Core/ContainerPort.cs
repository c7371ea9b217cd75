using System.Text.Json.Serialization;
using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ContainerPort
{
    /// <summary>An IANA service name, which Services can target instead of the number.</summary>
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public int? HostPort { get; set; }

    [Key(2)]
    [JsonPropertyName("containerPort")]
    public int Port { get; set; }

    /// <summary>TCP (the default), UDP or SCTP.</summary>
    [Key(3)] public string? Protocol { get; set; }

    [Key(4)] public string? HostIP { get; set; }
}
