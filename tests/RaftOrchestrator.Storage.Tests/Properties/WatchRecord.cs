using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>One watch opened by a scenario: what was asked, the store's state then, and everything it received.</summary>
internal sealed class WatchRecord(CreateWatchOp op, long id, long startRevision, long createdAtRevision, long compactAtCreation)
{
    public CreateWatchOp Op { get; } = op;

    public long Id { get; } = id;

    /// <summary>The StartRevision sent.</summary>
    public long StartRevision { get; } = startRevision;

    public long CreatedAtRevision { get; } = createdAtRevision;

    public long CompactAtCreation { get; } = compactAtCreation;

    /// <summary>The first revision whose events the watch must deliver.</summary>
    public long EffectiveStart => StartRevision == 0 ? CreatedAtRevision + 1 : StartRevision;

    /// <summary>A start below the compaction point: the only response is a compacted cancel.</summary>
    public bool CanceledAtCreation => StartRevision > 0 && StartRevision < CompactAtCreation;

    /// <summary>The store's revision when the test cancelled the watch, if it did.</summary>
    public long? CancelRequestedAt { get; set; }

    /// <summary>What <see cref="WatchStream.Cancel"/> answered.</summary>
    public bool CancelAccepted { get; set; }

    /// <summary>Compactions performed after the watch was created.</summary>
    public List<long> Compactions { get; } = [];

    public List<WatchResponse> Responses { get; } = [];

    public override string ToString() =>
        $"watch {Id} on stream {Op.Stream} {Op} start {StartRevision} created at rev {CreatedAtRevision} (compact {CompactAtCreation})"
        + (CancelRequestedAt is { } at ? $", cancel at rev {at} {(CancelAccepted ? "accepted" : "refused")}" : "");
}
