using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class HTTPGetAction
{
    [Key(0)] public string? Path { get; set; }

    [Key(1)] public IntOrString Port { get; set; }

    [Key(2)] public string? Host { get; set; }

    /// <summary>HTTP (the default) or HTTPS.</summary>
    [Key(3)] public string? Scheme { get; set; }

    [Key(4)] public List<HTTPHeader>? HttpHeaders { get; set; }
}
