using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// What a controller is still waiting for its informer to observe, per owner (client-go's
/// UIDTrackingControllerExpectations). Before issuing N creates the reconciler expects N adds; before deleting pods
/// it expects the deletion of exactly those pods. Until every expected event was observed (or
/// <see cref="Timeout"/> passed since the expectations were set), the owner's reconcile must not create or delete
/// again: its cache may not show the pods just written, and acting on it would double the work.
/// </summary>
/// <remarks>
/// Thread-safe: informer handlers observe while workers expect and check. Records carry the owner's uid, so an
/// owner deleted and recreated under its name starts clean. A failed or skipped write must be lowered by the caller
/// (<see cref="CreationObserved"/>, <see cref="DeletionObserved"/>), since no event will ever come for it.
/// </remarks>
internal sealed class ControllerExpectations(TimeProvider time)
{
    /// <summary>Kubernetes' ExpectationsTimeout: a watch that lost events must not wedge an owner forever.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<ObjectKey, Record> _records = [];

    /// <summary>Expect <paramref name="count"/> creations for the owner (replacing what was expected before).</summary>
    public void ExpectCreations(ObjectKey owner, string uid, int count) => Set(owner, uid, count, []);

    /// <summary>Expect the deletion of these pods ("namespace/name" keys).</summary>
    public void ExpectDeletions(ObjectKey owner, string uid, IEnumerable<string> podKeys) => Set(owner, uid, 0, [.. podKeys]);

    /// <summary>A pod controlled by the owner appeared (or a create will never happen).</summary>
    public void CreationObserved(ObjectKey owner, string uid)
    {
        lock (_lock)
        {
            if (_records.TryGetValue(owner, out Record? record) && record.Uid == uid && record.Adds > 0)
            {
                record.Adds--;
            }
        }
    }

    /// <summary>
    /// A pod of the owner is gone or terminating (or its delete failed). Only pods the owner deleted count, and each
    /// once: the later final removal of a gracefully deleted pod finds its key already gone.
    /// </summary>
    public void DeletionObserved(ObjectKey owner, string uid, string podKey)
    {
        lock (_lock)
        {
            if (_records.TryGetValue(owner, out Record? record) && record.Uid == uid)
            {
                record.Deletes.Remove(podKey);
            }
        }
    }

    /// <summary>
    /// True when the owner may act: nothing is pending for it (this uid), or what is pending expired. When false,
    /// <paramref name="expiresIn"/> is how long until it expires.
    /// </summary>
    public bool Satisfied(ObjectKey owner, string uid, out TimeSpan expiresIn)
    {
        expiresIn = TimeSpan.Zero;
        lock (_lock)
        {
            if (!_records.TryGetValue(owner, out Record? record) || record.Uid != uid || (record.Adds <= 0 && record.Deletes.Count == 0))
            {
                return true;
            }
            TimeSpan age = time.GetUtcNow() - record.SetAt;
            if (age >= Timeout)
            {
                return true;
            }
            expiresIn = Timeout - age;
            return false;
        }
    }

    /// <summary>Forgets the owner (it was deleted).</summary>
    public void Delete(ObjectKey owner)
    {
        lock (_lock)
        {
            _records.Remove(owner);
        }
    }

    private void Set(ObjectKey owner, string uid, int adds, HashSet<string> deletes)
    {
        lock (_lock)
        {
            _records[owner] = new Record(uid, time.GetUtcNow()) { Adds = adds, Deletes = deletes };
        }
    }

    /// <summary>Guarded by <see cref="_lock"/>.</summary>
    private sealed class Record(string uid, DateTimeOffset setAt)
    {
        public string Uid { get; } = uid;

        public DateTimeOffset SetAt { get; } = setAt;

        public int Adds { get; set; }

        public HashSet<string> Deletes { get; init; } = [];
    }
}
