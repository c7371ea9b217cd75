using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>One key of a ConfigMap or Secret projected to a relative path.</summary>
[MessagePackObject]
public sealed class KeyToPath
{
    [Key(0)] public string Key { get; set; } = "";

    [Key(1)] public string Path { get; set; } = "";

    [Key(2)] public int? Mode { get; set; }
}
