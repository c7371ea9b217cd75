using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Authorization;

/// <summary>
/// authorization.k8s.io/v1 SelfSubjectAccessReview: "can I?" (<c>kubectl auth can-i</c>). Answered, not stored.
/// </summary>
[MessagePackObject]
public sealed class SelfSubjectAccessReview : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public SelfSubjectAccessReviewSpec Spec { get; set; } = new();

    [Key(4)] public SubjectAccessReviewStatus? Status { get; set; }
}
