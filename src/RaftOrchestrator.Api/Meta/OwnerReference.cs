using MessagePack;

namespace RaftOrchestrator.Api.Meta;

[MessagePackObject]
public sealed class OwnerReference
{
    [Key(0)] public string ApiVersion { get; set; } = "";

    [Key(1)] public string Kind { get; set; } = "";

    [Key(2)] public string Name { get; set; } = "";

    [Key(3)] public string Uid { get; set; } = "";

    [Key(4)] public bool? Controller { get; set; }

    [Key(5)] public bool? BlockOwnerDeletion { get; set; }
}
