namespace RaftOrchestrator.Client;

public enum PatchType
{
    /// <summary>RFC 7386 JSON merge patch (application/merge-patch+json).</summary>
    Merge = 0,
    /// <summary>RFC 6902 JSON patch (application/json-patch+json).</summary>
    Json,
    /// <summary>Kubernetes strategic merge patch (application/strategic-merge-patch+json).</summary>
    StrategicMerge,
    /// <summary>Server-side apply (application/apply-patch+yaml); needs a field manager.</summary>
    Apply,
}
