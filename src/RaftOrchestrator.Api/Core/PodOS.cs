using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class PodOS
{
    /// <summary>linux or windows.</summary>
    [Key(0)] public string Name { get; set; } = "";
}
