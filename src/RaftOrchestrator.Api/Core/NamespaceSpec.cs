using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NamespaceSpec
{
    [Key(0)] public List<string>? Finalizers { get; set; }
}
