using MessagePack;

namespace RaftOrchestrator.Api.Authorization;

[MessagePackObject]
public sealed class NonResourceAttributes
{
    [Key(0)] public string? Path { get; set; }

    [Key(1)] public string? Verb { get; set; }
}
