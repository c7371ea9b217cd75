using MessagePack;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// A health check: one handler (Kubernetes' embedded ProbeHandler, flattened as in JSON) and its timing.
/// </summary>
[MessagePackObject]
public sealed class Probe
{
    [Key(0)] public ExecAction? Exec { get; set; }

    [Key(1)] public HTTPGetAction? HttpGet { get; set; }

    [Key(2)] public TCPSocketAction? TcpSocket { get; set; }

    [Key(3)] public GRPCAction? Grpc { get; set; }

    [Key(4)] public int? InitialDelaySeconds { get; set; }

    /// <summary>Defaulted to 1.</summary>
    [Key(5)] public int? TimeoutSeconds { get; set; }

    /// <summary>Defaulted to 10.</summary>
    [Key(6)] public int? PeriodSeconds { get; set; }

    /// <summary>Defaulted to 1; must be 1 for liveness and startup probes.</summary>
    [Key(7)] public int? SuccessThreshold { get; set; }

    /// <summary>Defaulted to 3.</summary>
    [Key(8)] public int? FailureThreshold { get; set; }

    [Key(9)] public long? TerminationGracePeriodSeconds { get; set; }
}
