namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>Expected outcomes of store operations. They are values, never exceptions.</summary>
public enum StoreStatus
{
    Ok = 0,
    /// <summary>The revision asked for is below the compaction point (etcd: "required revision has been compacted").</summary>
    Compacted,
    /// <summary>The revision asked for is above the current revision (etcd: "required revision is a future revision").</summary>
    FutureRevision,
    /// <summary>A put names a lease that does not exist, or a revoke names one that does not exist.</summary>
    LeaseNotFound,
    /// <summary>A lease is granted with an id that is already in use.</summary>
    LeaseExists,
    /// <summary>A put with IgnoreValue or IgnoreLease on a key that does not exist.</summary>
    KeyNotFound,
    /// <summary>A request is malformed (empty key, bad range, negative limit ...).</summary>
    InvalidArgument,
}
