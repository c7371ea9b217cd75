using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ContainerImage
{
    [Key(0)] public List<string>? Names { get; set; }

    [Key(1)] public long? SizeBytes { get; set; }
}
