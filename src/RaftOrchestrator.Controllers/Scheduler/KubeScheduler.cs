using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Leader;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// kube-scheduler's role: schedules pods only while holding the kube-system/kube-scheduler Lease (or always, without
/// leader election). Each term starts from nothing — a fresh informer list, queue, cache and binder — as the
/// controller manager's terms do, so nothing assumed in an earlier term can be counted or bound twice; the binder's
/// fence is this term's lease identity, so a batch sent by a deposed leader is refused by the server.
/// </summary>
public sealed class KubeScheduler(IClusterClient client, SchedulerOptions options, ILoggerFactory loggerFactory, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = loggerFactory.CreateLogger("RaftOrchestrator.Controllers.Scheduler");
    private volatile SchedulerLoop? _current;

    /// <summary>
    /// Makes the binder of a term (null: by <see cref="SchedulerOptions.Binder"/>). Tests replace it; the fence
    /// arguments are the lease and identity the term holds.
    /// </summary>
    public Func<IClusterClient, SchedulerOptions, IPodBinder>? BinderFactory { get; init; }

    /// <summary>The running term's loop, or null between terms (diagnostics and tests).</summary>
    public SchedulerLoop? Current => _current;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.LeaderElect)
        {
            await RunTermAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        var elector = new LeaderElector(client, new LeaderElectionOptions
        {
            LeaseNamespace = options.LeaseNamespace,
            LeaseName = options.LeaseName,
            Identity = options.Identity,
            LeaseDuration = options.LeaseDuration,
            RenewDeadline = options.RenewDeadline,
            RetryPeriod = options.RetryPeriod,
        }, _time, loggerFactory.CreateLogger("RaftOrchestrator.Client.Leader"));
        await elector.RunAsync((term, leading) => RunTermAsync(leading), cancellationToken).ConfigureAwait(false);
    }

    private async Task RunTermAsync(CancellationToken cancellationToken)
    {
        IPodBinder binder = (BinderFactory ?? Binders.Create)(client, options);
        SchedulerLog.Leading(_logger, options.Identity, string.Join(",", options.Profiles.Select(p => p.SchedulerName)), binder.Name);
        var informers = new SharedInformerFactory(client, _time, loggerFactory);
        await using var events = new EventRecorder(
            client, new EventRecorderOptions { Component = options.Component, Host = Environment.MachineName }, _time,
            loggerFactory.CreateLogger("RaftOrchestrator.Client.Events"));
        var loop = new SchedulerLoop(client, binder, informers, events, options, _time, _logger);
        _current = loop;
        try
        {
            await loop.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _current = null;
            await informers.Completion.ConfigureAwait(false);
            SchedulerLog.TermEnded(_logger, options.Identity, loop.Scheduled);
        }
    }
}
