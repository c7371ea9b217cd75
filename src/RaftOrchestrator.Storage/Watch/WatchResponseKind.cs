namespace RaftOrchestrator.Storage.Watch;

public enum WatchResponseKind
{
    /// <summary>Events of one or more whole revisions.</summary>
    Events = 0,
    /// <summary>A bookmark: every event up to <see cref="WatchResponse.Revision"/> has been delivered.</summary>
    Progress,
    /// <summary>The watch ended: cancelled by the client, or compacted (see <see cref="WatchResponse.CompactRevision"/>).</summary>
    Canceled,
}
