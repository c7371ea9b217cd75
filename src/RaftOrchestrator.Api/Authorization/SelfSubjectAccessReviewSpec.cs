using MessagePack;

namespace RaftOrchestrator.Api.Authorization;

/// <summary>Exactly one of the two attribute sets is given.</summary>
[MessagePackObject]
public sealed class SelfSubjectAccessReviewSpec
{
    [Key(0)] public ResourceAttributes? ResourceAttributes { get; set; }

    [Key(1)] public NonResourceAttributes? NonResourceAttributes { get; set; }
}
