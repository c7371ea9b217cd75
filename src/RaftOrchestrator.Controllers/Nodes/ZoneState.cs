namespace RaftOrchestrator.Controllers.Nodes;

/// <summary>How much of a zone is not ready, which sets the zone's tainting rate.</summary>
public enum ZoneState
{
    /// <summary>Just observed; no rate chosen yet.</summary>
    Initial,

    Normal,

    /// <summary>At least the unhealthy threshold of its nodes, and more than two, are not ready.</summary>
    PartialDisruption,

    /// <summary>No node of the zone is ready.</summary>
    FullDisruption,
}
