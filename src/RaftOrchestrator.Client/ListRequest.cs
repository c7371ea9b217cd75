namespace RaftOrchestrator.Client;

/// <summary>The options of a list call, as the Kubernetes API names them.</summary>
public sealed record ListRequest
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size; 0 means everything in one reply.</summary>
    public int Limit { get; init; }

    public string? Continue { get; init; }

    /// <summary>"0" reads from the replica's cache without a quorum round; null is a linearizable read.</summary>
    public string? ResourceVersion { get; init; }

    public string? ResourceVersionMatch { get; init; }
}
