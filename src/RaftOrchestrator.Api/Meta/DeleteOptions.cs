using MessagePack;

namespace RaftOrchestrator.Api.Meta;

/// <summary>The optional body of a DELETE.</summary>
[MessagePackObject]
public sealed class DeleteOptions
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public long? GracePeriodSeconds { get; set; }

    [Key(3)] public Preconditions? Preconditions { get; set; }

    /// <summary>Orphan, Background or Foreground.</summary>
    [Key(4)] public string? PropagationPolicy { get; set; }

    [Key(5)] public bool? OrphanDependents { get; set; }

    [Key(6)] public List<string>? DryRun { get; set; }
}
