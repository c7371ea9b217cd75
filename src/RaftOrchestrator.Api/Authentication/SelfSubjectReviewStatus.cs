using MessagePack;

namespace RaftOrchestrator.Api.Authentication;

[MessagePackObject]
public sealed class SelfSubjectReviewStatus
{
    [Key(0)] public UserInfo? UserInfo { get; set; }
}
