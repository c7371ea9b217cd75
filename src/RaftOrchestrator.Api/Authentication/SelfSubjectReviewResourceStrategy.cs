using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Api.Authentication;

/// <summary>A "who am I" review is all answer: whatever status the client sends is dropped and the server writes the caller's identity.</summary>
public sealed class SelfSubjectReviewResourceStrategy : ResourceStrategy<SelfSubjectReview>
{
    public override void PrepareForCreate(SelfSubjectReview value) => value.Status = null;
}
