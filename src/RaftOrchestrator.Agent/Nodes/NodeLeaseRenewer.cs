using Microsoft.Extensions.Logging;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Agent.Nodes;

/// <summary>
/// The node's heartbeat (the kubelet's nodelease controller): the Lease kube-node-lease/&lt;node&gt;, held by the node's
/// name for leaseDurationSeconds (40), renewed every quarter of that (10 s) and owned by the Node (so it goes with
/// it). It renews from the Lease it last wrote, without a read; after a failure it reads (or creates) the Lease again
/// and retries with a back-off from 200 ms doubling to 7 s, well inside the 40 s the node lifecycle controller waits.
/// </summary>
/// <remarks>Used by one loop: no locking.</remarks>
public sealed class NodeLeaseRenewer
{
    public const string Namespace = "kube-node-lease";

    private static readonly TimeSpan s_retryBase = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_retryMax = TimeSpan.FromSeconds(7);

    private readonly IResourceClient<Lease> _leases;
    private readonly NodeAgentOptions _options;
    private readonly Func<Node?> _node;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Lease? _lease;

    /// <remarks><paramref name="node"/>: The Node as last seen (for the owner reference), or null before it is registered.</remarks>
    public NodeLeaseRenewer(IClusterClient client, NodeAgentOptions options, Func<Node?> node, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        _leases = client.Resource<Lease>();
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _node = node ?? throw new ArgumentNullException(nameof(node));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Successful renewals (creations included).</summary>
    public int Renewals { get; private set; }

    /// <summary>Renews until cancelled: the first at once, then every renew interval; failures retried with back-off.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        TimeSpan retry = s_retryBase;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                ApiResult<Lease> renewed = await RenewOnceAsync(cancellationToken);
                if (renewed.IsOk)
                {
                    retry = s_retryBase;
                    await Task.Delay(_options.LeaseRenewInterval, _time, cancellationToken);
                    continue;
                }
                AgentLog.LeaseFailed(_logger, _options.NodeName, renewed.Code, renewed.Reason, renewed.Error.Message, retry);
                await Task.Delay(retry, _time, cancellationToken);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, s_retryMax.Ticks));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    /// <summary>One renewal: update the last Lease written, or read/create it when there is none (or it failed).</summary>
    public async Task<ApiResult<Lease>> RenewOnceAsync(CancellationToken cancellationToken)
    {
        if (_lease is null)
        {
            ApiResult<Lease> read = await _leases.GetAsync(Namespace, _options.NodeName, cancellationToken);
            if (read.IsNotFound)
            {
                ApiResult<Lease> created = await _leases.CreateAsync(Fill(new Lease { Metadata = new ObjectMeta { Namespace = Namespace, Name = _options.NodeName } }), cancellationToken: cancellationToken);
                return Remember(created);
            }
            if (!read.IsOk)
            {
                return read;
            }
            _lease = read.Value;
        }
        ApiResult<Lease> updated = await _leases.UpdateAsync(Fill(_lease), cancellationToken: cancellationToken);
        return Remember(updated);
    }

    private ApiResult<Lease> Remember(ApiResult<Lease> result)
    {
        _lease = result.IsOk ? result.Value : null;
        if (result.IsOk)
        {
            Renewals++;
        }
        return result;
    }

    /// <summary>The lease's spec for a renewal now, and the Node as its owner once the Node's uid is known.</summary>
    private Lease Fill(Lease lease)
    {
        lease.Spec ??= new LeaseSpec();
        lease.Spec.HolderIdentity = _options.NodeName;
        lease.Spec.LeaseDurationSeconds = _options.NodeLeaseDurationSeconds;
        lease.Spec.RenewTime = AgentTime.MicroNow(_time);
        if (_node() is { Metadata.Uid: { Length: > 0 } uid } && !(lease.Metadata.OwnerReferences ?? []).Exists(o => o.Kind == "Node"))
        {
            lease.Metadata.OwnerReferences = [.. lease.Metadata.OwnerReferences ?? [], new OwnerReference { ApiVersion = "v1", Kind = "Node", Name = _options.NodeName, Uid = uid }];
        }
        return lease;
    }
}
