using MessagePack;

namespace RaftOrchestrator.Api.Apps;

/// <summary>How old pods are replaced.</summary>
[MessagePackObject]
public sealed class DeploymentStrategy
{
    /// <summary>RollingUpdate (the default) or Recreate.</summary>
    [Key(0)] public string? Type { get; set; }

    /// <summary>Only with RollingUpdate; defaulted to 25% / 25%.</summary>
    [Key(1)] public RollingUpdateDeployment? RollingUpdate { get; set; }
}
