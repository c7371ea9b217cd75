using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class ExecAction
{
    [Key(0)] public List<string>? Command { get; set; }
}
