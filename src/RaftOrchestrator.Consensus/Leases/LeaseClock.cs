using RaftOrchestrator.Consensus.Commands;

namespace RaftOrchestrator.Consensus.Leases;

/// <summary>
/// When leases expire, as the leader's clock sees it (etcd's lessor). Only a leader keeps expiry times: it
/// alone decides that a lease expired and proposes its revocation. On becoming leader it is promoted: every
/// lease gets its remaining TTL from the last checkpoint, or its whole TTL, counted from now, so a leader
/// change extends leases instead of expiring them all at once. On losing leadership it forgets them.
/// <c>_lock</c> guards everything; time is the monotonic clock of the given <see cref="TimeProvider"/>.
/// </summary>
internal sealed class LeaseClock(TimeProvider time)
{
    /// <summary>A revocation proposed but not yet applied is proposed again after this long.</summary>
    private static readonly TimeSpan s_retryRevoke = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Expiry> _leases = [];
    private bool _leading;

    public bool IsLeading
    {
        get
        {
            lock (_lock)
            {
                return _leading;
            }
        }
    }

    /// <summary>Starts timing every lease in <paramref name="leases"/> (id, ttl, remaining at the last checkpoint if any).</summary>
    public void Promote(IEnumerable<(long Id, long TtlSeconds, long? RemainingSeconds)> leases)
    {
        ArgumentNullException.ThrowIfNull(leases);
        long now = time.GetTimestamp();
        lock (_lock)
        {
            _leading = true;
            _leases.Clear();
            foreach ((long id, long ttl, long? remaining) in leases)
            {
                _leases[id] = new Expiry(ttl, now + Ticks(Math.Min(ttl, Math.Max(1, remaining ?? ttl))), 0);
            }
        }
    }

    public void Demote()
    {
        lock (_lock)
        {
            _leading = false;
            _leases.Clear();
        }
    }

    /// <summary>Applier: a lease was granted; a leader times it from now.</summary>
    public void Granted(long id, long ttlSeconds)
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            if (_leading)
            {
                _leases[id] = new Expiry(ttlSeconds, now + Ticks(ttlSeconds), 0);
            }
        }
    }

    public void Revoked(long id)
    {
        lock (_lock)
        {
            _leases.Remove(id);
        }
    }

    /// <summary>A keep-alive: the lease lives a whole TTL from now. False when this is not the leader or the lease is unknown.</summary>
    public bool TryRenew(long id, out long ttlSeconds)
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            if (_leading && _leases.TryGetValue(id, out Expiry e))
            {
                _leases[id] = e with { At = now + Ticks(e.Ttl), RevokeProposedAt = 0 };
                ttlSeconds = e.Ttl;
                return true;
            }
        }
        ttlSeconds = 0;
        return false;
    }

    /// <summary>Seconds until the lease expires (rounded up, at least 0), for TimeToLive.</summary>
    public bool TryRemaining(long id, out long remainingSeconds, out long ttlSeconds)
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            if (_leading && _leases.TryGetValue(id, out Expiry e))
            {
                remainingSeconds = Math.Max(0, (long)Math.Ceiling((double)(e.At - now) / time.TimestampFrequency));
                ttlSeconds = e.Ttl;
                return true;
            }
        }
        remainingSeconds = ttlSeconds = 0;
        return false;
    }

    /// <summary>Up to <paramref name="max"/> expired leases not already being revoked; they are marked as being revoked.</summary>
    public List<long> TakeExpired(int max)
    {
        long now = time.GetTimestamp();
        long retry = Ticks(s_retryRevoke.TotalSeconds);
        var expired = new List<long>();
        lock (_lock)
        {
            if (!_leading)
            {
                return expired;
            }
            foreach ((long id, Expiry e) in _leases)
            {
                if (expired.Count == max)
                {
                    break;
                }
                if (e.At <= now && (e.RevokeProposedAt == 0 || now - e.RevokeProposedAt > retry))
                {
                    expired.Add(id);
                }
            }
            foreach (long id in expired)
            {
                _leases[id] = _leases[id] with { RevokeProposedAt = now };
            }
        }
        return expired;
    }

    /// <summary>The remaining TTL of every timed lease, for a checkpoint.</summary>
    public List<LeaseRemaining> Remaining()
    {
        long now = time.GetTimestamp();
        lock (_lock)
        {
            return [.. _leases.Select(l => new LeaseRemaining(
                l.Key, Math.Max(1, (long)Math.Ceiling((double)(l.Value.At - now) / time.TimestampFrequency))))];
        }
    }

    private long Ticks(double seconds) => (long)(seconds * time.TimestampFrequency);

    private readonly record struct Expiry(long Ttl, long At, long RevokeProposedAt);
}
