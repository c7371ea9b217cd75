using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Authentication;

/// <summary>
/// authentication.k8s.io/v1 SelfSubjectReview: "who am I?" (<c>kubectl auth whoami</c>). Answered, not stored.
/// </summary>
[MessagePackObject]
public sealed class SelfSubjectReview : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public SelfSubjectReviewStatus? Status { get; set; }
}
