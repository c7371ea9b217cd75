using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>
/// Applies binding batches on the replica that received them (Nomad's plan applier, made safe by store compares).
/// A round: a read barrier; the <see cref="NodeAllocationIndex"/> caught up with it; the fence checked; every
/// pending binding checked against its pod and its node's committed allocations plus the batch's earlier
/// bindings to that node; then one transaction per node, all proposed as one Raft entry. A node transaction whose
/// compares failed (something was bound there, a pod changed, the lease was renewed) goes back to the next round,
/// up to <see cref="MaxRounds"/>; the others' results are final. A binding is therefore refused only for a reason
/// that held at a committed revision, and no node is overcommitted by bindings, whichever replicas race.
/// </summary>
/// <remarks>
/// Evaluation is serialized per replica (<c>_serial</c>) so two batches here never plan against the same
/// in-memory view; batches on different replicas are ordered by the allocation-key compares. Not checked, as in
/// kube-apiserver's binding: node selectors, taints, affinity (the scheduler's filters). Pods created with
/// spec.nodeName already set do not bump the allocation key, so a batch racing with one can overcommit by it (the
/// agent's admission is the backstop, as kubelet's is).
/// </remarks>
public sealed partial class BindingBatchApplier : IDisposable
{
    /// <summary>Evaluation rounds per batch: a node whose transaction keeps failing its compares is refused after these.</summary>
    public const int MaxRounds = 3;

    /// <summary>How long a round waits for the index to reach the barrier's revision before the batch answers 504.</summary>
    private static readonly TimeSpan s_indexTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _serial = new(1, 1);
    private readonly KubeApiServices _services;
    private readonly NodeAllocationIndex _index;
    private readonly ResourceStore<Pod> _pods;
    private readonly ResourceStore<Lease> _leases;
    private readonly ILogger _logger;

    public BindingBatchApplier(KubeApiServices services, NodeAllocationIndex index, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(loggers);
        _services = services;
        _index = index;
        _pods = new ResourceStore<Pod>(services.Catalog.Descriptor<Pod>(), services.Store);
        _leases = new ResourceStore<Lease>(services.Catalog.Descriptor<Lease>(), services.Store);
        _logger = loggers.CreateLogger("RaftOrchestrator.Server.Kube.Bindings");
    }

    /// <summary>Applies a validated batch; see the class summary for the rounds.</summary>
    public async Task<BatchOutcome> ApplyAsync(BindingBatchSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        await _serial.WaitAsync(cancellationToken);
        try
        {
            return await ApplySerializedAsync(spec, cancellationToken);
        }
        finally
        {
            _serial.Release();
        }
    }

    public void Dispose() => _serial.Dispose();

    private async Task<BatchOutcome> ApplySerializedAsync(BindingBatchSpec spec, CancellationToken cancellationToken)
    {
        List<PodBindingTarget> bindings = spec.Bindings;
        var results = new BindingResult?[bindings.Count];
        List<int> pending = [.. Enumerable.Range(0, bindings.Count)];
        long revision = 0;
        int round = 0;
        while (pending.Count > 0 && round < MaxRounds)
        {
            round++;
            (long viewRevision, Status? unavailable) = await CatchUpAsync(cancellationToken);
            if (unavailable is not null)
            {
                if (round == 1)
                {
                    return new BatchOutcome(null, unavailable);
                }
                FillFrom(results, pending, unavailable);
                pending.Clear();
                break;
            }
            revision = Math.Max(revision, viewRevision);
            long leaseRevision = 0;
            if (spec.Fence is { } fence)
            {
                (leaseRevision, Status? lost) = CheckFence(fence);
                if (lost is not null)
                {
                    if (round == 1)
                    {
                        return new BatchOutcome(null, lost);
                    }
                    FillFrom(results, pending, lost);   // bindings of earlier rounds stay bound: they were fenced then
                    pending.Clear();
                    break;
                }
            }
            List<NodePlan> plans = Evaluate(bindings, pending, results);
            (pending, long committed) = await CommitAsync(spec.Fence, plans, leaseRevision, results, cancellationToken);
            revision = Math.Max(revision, committed);
        }
        foreach (int i in pending)
        {
            results[i] = Refused(409, "Conflict",
                $"node {bindings[i].NodeName}: its allocations kept changing during {MaxRounds} attempts; please try again");
        }
        var status = new BindingBatchStatus { Results = [.. results.Select(r => r!)], Revision = revision };
        BindingLog.BatchApplied(_logger, bindings.Count, status.Results.Count(r => r.IsBound), status.Results.Count(r => !r.IsBound), round);
        return new BatchOutcome(status, null);
    }

    /// <summary>A read barrier, then the index at (at least) the revision it guarantees.</summary>
    private async Task<(long Revision, Status? Unavailable)> CatchUpAsync(CancellationToken cancellationToken)
    {
        ReadStatus read = await _services.Store.ReadBarrierAsync(cancellationToken);
        if (read != ReadStatus.Ok)
        {
            return (0, read == ReadStatus.TimedOut
                ? ApiStatus.Timeout("the server was unable to confirm a consistent read in time (no leader)")
                : ApiStatus.ServiceUnavailable("the server is shutting down"));
        }
        long target = _services.Store.CurrentRevision;
        return await _index.WaitForRevisionAsync(target, s_indexTimeout, cancellationToken)
            ? (_index.Revision, null)
            : (0, ApiStatus.Timeout("the node allocation index did not catch up with the store in time"));
    }

    /// <summary>The fence lease's mod revision, or why the batch may not apply.</summary>
    private (long Revision, Status? Lost) CheckFence(BindingFence fence)
    {
        string name = $"{fence.LeaseNamespace}/{fence.LeaseName}";
        Stored<Lease>? lease = _leases.Get(fence.LeaseNamespace, fence.LeaseName);
        if (lease is null)
        {
            return (0, FenceLost($"scheduler lease {name} does not exist"));
        }
        LeaseSpec? held = lease.Value.Spec;
        if (held?.HolderIdentity != fence.HolderIdentity)
        {
            return (0, FenceLost($"scheduler lease {name} is held by {(string.IsNullOrEmpty(held?.HolderIdentity) ? "nobody" : held.HolderIdentity)}, not {fence.HolderIdentity}"));
        }
        DateTime now = _services.Time.GetUtcNow().UtcDateTime;
        if (held.RenewTime is not { } renewed || held.LeaseDurationSeconds is not { } duration || renewed.AddSeconds(duration) < now)
        {
            return (0, FenceLost($"scheduler lease {name} held by {fence.HolderIdentity} has expired"));
        }
        return (lease.Revision, null);
    }

    private static Status FenceLost(string message) => ApiStatus.Failure(409, "Conflict", message);

    private static void FillFrom(BindingResult?[] results, List<int> pending, Status status)
    {
        foreach (int i in pending)
        {
            results[i] = Refused(status.Code, status.Reason ?? "InternalError", status.Message);
        }
    }

    private static BindingResult Refused(int code, string reason, string? message) => new() { Code = code, Reason = reason, Message = message };
}
