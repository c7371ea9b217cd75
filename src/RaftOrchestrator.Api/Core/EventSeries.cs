using System.Text.Json.Serialization;
using MessagePack;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class EventSeries
{
    [Key(0)] public int? Count { get; set; }

    [Key(1)]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTime? LastObservedTime { get; set; }
}
