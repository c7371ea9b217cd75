namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>Options of a put, as etcd's PutRequest.</summary>
public readonly record struct PutOptions
{
    /// <summary>Attach the key to this lease (0: no lease). The lease must exist.</summary>
    public long Lease { get; init; }

    /// <summary>Return the version the put replaced.</summary>
    public bool PrevKv { get; init; }

    /// <summary>Keep the current value; the key must exist.</summary>
    public bool IgnoreValue { get; init; }

    /// <summary>Keep the current lease; the key must exist.</summary>
    public bool IgnoreLease { get; init; }
}
