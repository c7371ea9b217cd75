using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeRuntimeHandlerFeatures
{
    [Key(0)] public bool? RecursiveReadOnlyMounts { get; set; }

    [Key(1)] public bool? UserNamespaces { get; set; }
}
