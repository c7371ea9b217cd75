using MessagePack;

namespace RaftOrchestrator.Api.Scheduling;

/// <summary>
/// The outcome of one binding, as a Status would carry it: 201 bound; 404 NotFound (pod or node); 409 Conflict
/// (already bound, terminating, a uid or resourceVersion precondition, the fence lost mid-batch, or the node kept
/// changing), or 409 <see cref="OutOfCapacity"/> ("node n1: Insufficient cpu").
/// </summary>
[MessagePackObject]
public sealed class BindingResult
{
    /// <summary>The reason of a binding the node no longer has room for.</summary>
    public const string OutOfCapacity = "OutOfCapacity";

    [Key(0)] public int Code { get; set; }

    /// <summary>A Kubernetes StatusReason name (Conflict, NotFound, Invalid) or <see cref="OutOfCapacity"/>; null when bound.</summary>
    [Key(1)] public string? Reason { get; set; }

    [Key(2)] public string? Message { get; set; }

    /// <summary>The pod's new resourceVersion when bound.</summary>
    [Key(3)] public string? ResourceVersion { get; set; }

    [IgnoreMember]
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsBound => Code == 201;
}
