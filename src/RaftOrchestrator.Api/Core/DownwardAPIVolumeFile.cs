using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class DownwardAPIVolumeFile
{
    [Key(0)] public string Path { get; set; } = "";

    [Key(1)] public ObjectFieldSelector? FieldRef { get; set; }

    [Key(2)] public ResourceFieldSelector? ResourceFieldRef { get; set; }

    [Key(3)] public int? Mode { get; set; }
}
