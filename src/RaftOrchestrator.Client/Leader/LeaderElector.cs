using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Client.Events;

namespace RaftOrchestrator.Client.Leader;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease, with client-go's leaderelection semantics: candidates take
/// the Lease when it is absent, released, or expired; the leader renews it every RetryPeriod and stops leading
/// (cancels the term's token) once RenewDeadline has passed since the start of its last successful renewal, which
/// is before any other candidate can see the Lease as expired. Every write is optimistic (resourceVersion), so of two
/// candidates racing for one Lease exactly one wins; the other gets 409 and keeps campaigning.
/// </summary>
/// <remarks>
/// Expiry is judged as client-go judges it: never by comparing the Lease's renewTime with our clock, but by how long
/// it has been, on our own monotonic clock, since we last saw the record change. Unlike client-go, every new term
/// increments spec.leaseTransitions, including a re-acquisition by the previous holder, so the value is a fencing
/// token that no two terms share (see <see cref="LeadershipTerm"/>). Deleting the Lease resets it to 0.
/// One <see cref="RunAsync"/> at a time; the properties may be read from any thread.
/// </remarks>
public sealed partial class LeaderElector
{
    private const string LeaderElectionReason = "LeaderElection";

    private readonly IResourceClient<Lease> _leases;
    private readonly LeaderElectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IEventRecorder? _events;
    private readonly Random _jitter;
    private int _running;

    // Written only by the RunAsync loop; read by the properties from any thread.
    private volatile CancellationTokenSource? _termCts;
    private volatile LeadershipTerm? _term;
    private volatile string? _currentHolder;

    public LeaderElector(
        IClusterClient client, LeaderElectionOptions options, TimeProvider? time = null, ILogger? logger = null,
        IEventRecorder? events = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        _leases = client.Resource<Lease>();
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _events = events;
        _jitter = new Random(options.JitterSeed);
    }

    public string Identity => _options.Identity;

    /// <summary>True from a successful acquire until the term's token is cancelled.</summary>
    public bool IsLeader => _termCts is { IsCancellationRequested: false };

    /// <summary>The current term while <see cref="IsLeader"/>, else null.</summary>
    public LeadershipTerm? CurrentTerm => IsLeader ? _term : null;

    /// <summary>The holder in the Lease as last read ("" when released), or null before the first read.</summary>
    public string? CurrentHolder => _currentHolder;

    /// <summary>
    /// Campaigns, leads and campaigns again until <paramref name="cancellationToken"/> is cancelled, then returns
    /// (a shutdown is not an error). <paramref name="onLeading"/> runs once per term, off the renewal loop, with a
    /// token cancelled when the term ends; it must stop promptly when that token is cancelled, since the next term
    /// (and the release on shutdown) waits for it. If it returns while the term is still on, the term ends.
    /// </summary>
    public async Task RunAsync(Func<LeadershipTerm, CancellationToken, Task> onLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onLeading);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("the elector is already running");
        }
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                (LeadershipTerm Term, long Started)? acquired = await AcquireAsync(cancellationToken);
                if (acquired is not { } term)
                {
                    break;
                }
                await LeadAsync(term.Term, term.Started, onLeading, cancellationToken);
                await DelayAsync(_options.RetryPeriod, cancellationToken);
            }
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Tries until the Lease is ours; null when cancelled first. Started is the monotonic time of the winning attempt.</summary>
    private async Task<(LeadershipTerm Term, long Started)?> AcquireAsync(CancellationToken cancellationToken)
    {
        LeaderLog.Campaigning(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        for (bool first = true; ; first = false)
        {
            if (!first && !await DelayAsync(JitteredRetryPeriod(), cancellationToken))
            {
                return null;
            }
            long started = _time.GetTimestamp();
            (LeaseAttempt attempt, LeadershipTerm? term) = await TryAcquireOrRenewAsync(null, cancellationToken);
            if (attempt == LeaseAttempt.Held && term is not null)
            {
                return (term, started);
            }
        }
    }

    /// <summary>client-go's wait.Jitter: RetryPeriod × (1 + U[0,1) × JitterFactor).</summary>
    private TimeSpan JitteredRetryPeriod() =>
        _options.RetryPeriod * (1 + _jitter.NextDouble() * LeaderElectionOptions.JitterFactor);

    /// <summary>Waits on our clock; false when cancelled first.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
