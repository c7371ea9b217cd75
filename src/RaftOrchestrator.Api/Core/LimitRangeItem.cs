using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class LimitRangeItem
{
    /// <summary>Pod, Container or PersistentVolumeClaim.</summary>
    [Key(0)] public string Type { get; set; } = "";

    [Key(1)] public Dictionary<string, Quantity>? Max { get; set; }

    [Key(2)] public Dictionary<string, Quantity>? Min { get; set; }

    /// <summary>The default limits of a container.</summary>
    [Key(3)] public Dictionary<string, Quantity>? Default { get; set; }

    [Key(4)] public Dictionary<string, Quantity>? DefaultRequest { get; set; }

    [Key(5)] public Dictionary<string, Quantity>? MaxLimitRequestRatio { get; set; }
}
