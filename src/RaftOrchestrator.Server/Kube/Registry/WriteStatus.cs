namespace RaftOrchestrator.Server.Kube.Registry;

/// <summary>How a conditional store write ended; everything but <see cref="Ok"/> wrote nothing.</summary>
public enum WriteStatus
{
    Ok = 0,
    /// <summary>A create found the key present.</summary>
    Exists,
    /// <summary>An update or delete found a newer version than the one it was based on, or none.</summary>
    Conflict,
    /// <summary>No leader committed it in time; it may still commit later.</summary>
    TimedOut,
    /// <summary>The replica is stopping.</summary>
    Unavailable,
    TooLarge,
}
