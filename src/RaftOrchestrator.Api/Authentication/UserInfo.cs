using MessagePack;

namespace RaftOrchestrator.Api.Authentication;

[MessagePackObject]
public sealed class UserInfo
{
    [Key(0)] public string? Username { get; set; }

    [Key(1)] public string? Uid { get; set; }

    [Key(2)] public List<string>? Groups { get; set; }

    [Key(3)] public Dictionary<string, List<string>>? Extra { get; set; }
}
