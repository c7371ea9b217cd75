using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Client.Leader;

public sealed partial class LeaderElector
{
    // The record as last read or written, and when (monotonic, our clock) it was first seen in that state. Touched
    // only by the RunAsync loop.
    private LeaseRecord? _observed;
    private long _observedAt;
    private Lease? _lastLease;

    /// <summary>
    /// One Get and, when the Lease is free or ours, one optimistic write. <paramref name="current"/> null means
    /// campaigning for a new term (which increments leaseTransitions); else renewing that term, which holds only
    /// while the Lease still names us with the term's transition count.
    /// </summary>
    private async Task<(LeaseAttempt, LeadershipTerm?)> TryAcquireOrRenewAsync(
        LeadershipTerm? current, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        try
        {
            ApiResult<Lease> got = await _leases.GetAsync(_options.LeaseNamespace, _options.LeaseName, cancellationToken);
            if (got.IsNotFound)
            {
                return current is null ? await CreateAsync(now, cancellationToken) : (LeaseAttempt.HeldByOther, null);
            }
            if (!got.IsOk)
            {
                LeaderLog.LeaseCallFailed(_logger, "get", got.Code, got.Error.Message ?? "");
                return (LeaseAttempt.Failed, null);
            }
            Lease lease = got.Value;
            LeaseRecord old = LeaseRecord.Of(lease);
            Observe(lease, old);
            LeaseRecord next;
            if (current is null)
            {
                if (old.Holder.Length > 0 && old.Holder != _options.Identity && !Expired(old))
                {
                    return (LeaseAttempt.HeldByOther, null);
                }
                next = new LeaseRecord(_options.Identity, DurationSeconds, now.UtcDateTime, now.UtcDateTime, old.LeaseTransitions + 1);
            }
            else if (old.Holder != _options.Identity || old.LeaseTransitions != current.LeaseTransitions)
            {
                return (LeaseAttempt.HeldByOther, null);
            }
            else
            {
                next = old with { LeaseDurationSeconds = DurationSeconds, RenewTime = now.UtcDateTime };
            }
            next.WriteTo(lease);
            ApiResult<Lease> updated = await _leases.UpdateAsync(lease, cancellationToken: cancellationToken);
            if (!updated.IsOk)
            {
                LeaderLog.LeaseCallFailed(_logger, "update", updated.Code, updated.Error.Message ?? "");
                return (LeaseAttempt.Failed, null);
            }
            Observe(updated.Value, LeaseRecord.Of(updated.Value));
            return (LeaseAttempt.Held, current ?? new LeadershipTerm(_options.Identity, next.LeaseTransitions, now));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (LeaseAttempt.Failed, null);
        }
    }

    private int DurationSeconds => (int)_options.LeaseDuration.TotalSeconds;

    private async Task<(LeaseAttempt, LeadershipTerm?)> CreateAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = new LeaseRecord(_options.Identity, DurationSeconds, now.UtcDateTime, now.UtcDateTime, 0);
        var lease = new Lease
        {
            ApiVersion = _leases.Descriptor.ApiVersion,
            Kind = _leases.Descriptor.Kind,
            Metadata = new ObjectMeta { Namespace = _options.LeaseNamespace, Name = _options.LeaseName },
        };
        record.WriteTo(lease);
        ApiResult<Lease> created = await _leases.CreateAsync(lease, cancellationToken: cancellationToken);
        if (!created.IsOk)
        {
            LeaderLog.LeaseCallFailed(_logger, "create", created.Code, created.Error.Message ?? "");
            return (LeaseAttempt.Failed, null);
        }
        Observe(created.Value, LeaseRecord.Of(created.Value));
        return (LeaseAttempt.Held, new LeadershipTerm(_options.Identity, 0, now));
    }

    /// <summary>Restarts the expiry clock when the record changed, and reports a new holder.</summary>
    private void Observe(Lease lease, LeaseRecord record)
    {
        _lastLease = lease;
        if (_observed != record)
        {
            _observed = record;
            _observedAt = _time.GetTimestamp();
        }
        if (_currentHolder != record.Holder)
        {
            _currentHolder = record.Holder;
            LeaderLog.NewLeader(_logger, record.Holder, _options.LeaseNamespace, _options.LeaseName);
            try
            {
                _options.OnNewLeader?.Invoke(record.Holder);
            }
#pragma warning disable CA1031 // A failing observer must not stop the election.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LeaderLog.ObserverFailed(_logger, exception, _options.Identity);
            }
        }
    }

    /// <summary>Expired when the record has not changed for its leaseDurationSeconds (ours if it names none) on our clock.</summary>
    private bool Expired(LeaseRecord record)
    {
        TimeSpan duration = record.LeaseDurationSeconds is > 0 and int seconds
            ? TimeSpan.FromSeconds(seconds)
            : _options.LeaseDuration;
        return _time.GetElapsedTime(_observedAt) >= duration;
    }

    /// <summary>
    /// Clears holderIdentity (client-go's release) when the Lease still names this term, so another candidate acquires
    /// without waiting for expiry. Called only after the term's token is cancelled and its work has returned.
    /// </summary>
    private async Task ReleaseAsync(LeadershipTerm term)
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            ApiResult<Lease> got = await _leases.GetAsync(_options.LeaseNamespace, _options.LeaseName, timeout.Token);
            if (!got.IsOk)
            {
                return;
            }
            Lease lease = got.Value;
            LeaseRecord old = LeaseRecord.Of(lease);
            if (old.Holder != term.Identity || old.LeaseTransitions != term.LeaseTransitions)
            {
                return;
            }
            DateTime now = _time.GetUtcNow().UtcDateTime;
            (old with { Holder = "", LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now }).WriteTo(lease);
            ApiResult<Lease> released = await _leases.UpdateAsync(lease, cancellationToken: timeout.Token);
            if (released.IsOk)
            {
                Observe(released.Value, LeaseRecord.Of(released.Value));
                LeaderLog.Released(_logger, term.Identity, _options.LeaseNamespace, _options.LeaseName);
            }
            else
            {
                LeaderLog.LeaseCallFailed(_logger, "release", released.Code, released.Error.Message ?? "");
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
    }
}
