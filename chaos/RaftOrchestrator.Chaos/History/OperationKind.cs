namespace RaftOrchestrator.Chaos.History;

/// <summary>What a KV client operation did. The register kinds and the list kinds never share a key.</summary>
public enum OperationKind
{
    /// <summary>A linearizable range of one key. Output: Value (null when absent), ModRevision (0 when absent).</summary>
    Get,

    /// <summary>An unconditional put of Input.Value. Output: Revision, the revision of the write.</summary>
    Put,

    /// <summary>
    /// A compare-and-swap txn: If(value == Input.ExpectedValue) or If(mod_revision == Input.ExpectedModRevision;
    /// 0 means "absent") Then put(Input.Value). Output: Succeeded (which branch ran) and, when it succeeded,
    /// Revision, the revision of the put.
    /// </summary>
    Cas,

    /// <summary>
    /// Appends Input.Value to the list at Key. The list is one etcd key whose value is its elements joined by
    /// <see cref="ListEncoding.Separator"/>; the client appends by read-modify-write: it reads (value, mod_revision)
    /// and sends If(mod_revision == read) Then put(value + separator + element), retrying on a failed compare, and
    /// records the whole retry loop as this one operation. Chosen over "a put of an element key" because one key
    /// keeps the list a register to the server (one revision per append, one watch event per append) and a read of
    /// the list is one linearizable get, not a range that must be ordered by create revision.
    /// Output: Revision, the revision of the successful txn.
    /// </summary>
    Append,

    /// <summary>A linearizable read of the list at Key. Output: Elements (empty when absent), ModRevision.</summary>
    ReadList,
}
