using MessagePack;

namespace RaftOrchestrator.Api.Authorization;

[MessagePackObject]
public sealed class SubjectAccessReviewStatus
{
    /// <summary>Always written, as Kubernetes does.</summary>
    [Key(0)] public bool Allowed { get; set; }

    [Key(1)] public bool? Denied { get; set; }

    [Key(2)] public string? Reason { get; set; }

    [Key(3)] public string? EvaluationError { get; set; }
}
