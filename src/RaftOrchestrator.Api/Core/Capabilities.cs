using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class Capabilities
{
    [Key(0)] public List<string>? Add { get; set; }

    [Key(1)] public List<string>? Drop { get; set; }
}
