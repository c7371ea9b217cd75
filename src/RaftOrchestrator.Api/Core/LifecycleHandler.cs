using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>Exactly one action.</summary>
[MessagePackObject]
public sealed class LifecycleHandler
{
    [Key(0)] public ExecAction? Exec { get; set; }

    [Key(1)] public HTTPGetAction? HttpGet { get; set; }

    [Key(2)] public TCPSocketAction? TcpSocket { get; set; }

    [Key(3)] public SleepAction? Sleep { get; set; }
}
