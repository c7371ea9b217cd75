using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class Sysctl
{
    [Key(0)] public string Name { get; set; } = "";

    [Key(1)] public string Value { get; set; } = "";
}
