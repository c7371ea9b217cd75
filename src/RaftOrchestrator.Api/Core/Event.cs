using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// core/v1 Event. Newer writers (events.k8s.io through the core API) set eventTime, series and reportingComponent
/// instead of firstTimestamp, lastTimestamp, count and source.
/// </summary>
// CA1716 is about Visual Basic keywords; the type is named as the Kubernetes kind it models.
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Kubernetes kind name")]
[MessagePackObject]
public sealed class Event : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public ObjectReference InvolvedObject { get; set; } = new();

    [Key(4)] public string? Reason { get; set; }

    [Key(5)] public string? Message { get; set; }

    [Key(6)] public EventSource? Source { get; set; }

    [Key(7)] public DateTime? FirstTimestamp { get; set; }

    [Key(8)] public DateTime? LastTimestamp { get; set; }

    [Key(9)] public int? Count { get; set; }

    /// <summary>Normal or Warning.</summary>
    [Key(10)] public string? Type { get; set; }

    [Key(11)]
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTime? EventTime { get; set; }

    [Key(12)] public EventSeries? Series { get; set; }

    [Key(13)] public string? Action { get; set; }

    [Key(14)] public ObjectReference? Related { get; set; }

    [Key(15)] public string? ReportingComponent { get; set; }

    [Key(16)] public string? ReportingInstance { get; set; }
}
