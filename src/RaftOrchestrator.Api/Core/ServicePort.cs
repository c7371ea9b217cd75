using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ServicePort
{
    [Key(0)] public string? Name { get; set; }

    [Key(1)] public string? Protocol { get; set; }

    [Key(2)] public string? AppProtocol { get; set; }

    [Key(3)] public int Port { get; set; }

    /// <summary>Defaults to <see cref="Port"/>; a string names a container port.</summary>
    [Key(4)] public IntOrString? TargetPort { get; set; }

    [Key(5)] public int? NodePort { get; set; }
}
