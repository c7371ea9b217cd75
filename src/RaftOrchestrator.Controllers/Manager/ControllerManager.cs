using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Events;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Client.Leader;
using RaftOrchestrator.Client.Queues;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.Manager;

/// <summary>
/// kube-controller-manager's role: the enabled controllers over one client, active only while this manager holds
/// the kube-system/kube-controller-manager Lease (or always, without leader election).
/// </summary>
/// <remarks>
/// Each leadership term starts from nothing: fresh informers (a new list, so no cache from an earlier term can
/// lead to acting twice), fresh queues, a fresh event recorder. When the term ends (the lease could not be renewed
/// within the renew deadline, or shutdown) its token is cancelled, the controllers stop and drain, and only then
/// does the elector try to lead again — so two terms of one manager never overlap, and the renew deadline being
/// shorter than the lease duration keeps two managers' terms apart.
/// </remarks>
public sealed class ControllerManager(IClusterClient client, ControllerManagerOptions options, ILoggerFactory loggerFactory, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ILogger _logger = loggerFactory.CreateLogger("RaftOrchestrator.Controllers");

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.LeaderElect)
        {
            await RunTermAsync(cancellationToken);
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
        await elector.RunAsync((term, leading) => RunTermAsync(leading), cancellationToken);
    }

    /// <summary>One term: every enabled controller, over informers and queues of its own, until <paramref name="cancellationToken"/>.</summary>
    private async Task RunTermAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<IController> controllers = ControllerCatalog.Create(options);
        ControllerManagerLog.Starting(_logger, options.Identity, string.Join(",", controllers.Select(c => c.Name)));
        var informers = new SharedInformerFactory(client, _time, loggerFactory);
        await using var events = new EventRecorder(client, new EventRecorderOptions { Component = options.Component, Host = Environment.MachineName }, _time, loggerFactory.CreateLogger("RaftOrchestrator.Client.Events"));
        var context = new ControllerContext
        {
            Client = client,
            Informers = informers,
            Events = events,
            NewQueue = _ => new WorkQueue<ObjectKey>(_time),
            Time = _time,
            LoggerFactory = loggerFactory,
        };
        foreach (IController controller in controllers)
        {
            controller.Register(context);
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        informers.Start(stop.Token);
        Task[] running = [.. controllers.Select(c => RunOneAsync(c, stop.Token))];
        await Task.WhenAll(running);
        ControllerManagerLog.Stopped(_logger, options.Identity);
    }

    private async Task RunOneAsync(IController controller, CancellationToken cancellationToken)
    {
        try
        {
            await controller.RunAsync(options.WorkersFor(controller.Name), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the term ended
        }
    }
}
