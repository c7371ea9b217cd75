using System.Threading.Channels;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// The scheduler's writes besides bindings — PodScheduled=False conditions, nominations, preemption victims' deletes —
/// done in the background in the order they were asked for, so the scheduling loop never waits on the store. Best
/// effort: a write that fails is logged and not retried (the next attempt of the pod writes it again).
/// </summary>
internal sealed class PodStatusWriter(IClusterClient client, ILogger logger)
{
    private readonly IResourceClient<Pod> _pods = client.Resource<Pod>();
    private readonly Channel<Func<IResourceClient<Pod>, CancellationToken, Task<string?>>> _writes =
        Channel.CreateUnbounded<Func<IResourceClient<Pod>, CancellationToken, Task<string?>>>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Writes done and failed so far (tests, diagnostics).</summary>
    public int Written { get; private set; }

    public void Patch(string @namespace, string name, Patch patch) =>
        _writes.Writer.TryWrite(async (pods, ct) =>
        {
            ApiResult<Pod> result = await pods.PatchAsync(@namespace, name, patch, cancellationToken: ct).ConfigureAwait(false);
            return result.IsOk || result.IsNotFound ? null : result.ToString();
        });

    /// <summary>Deletes a preemption victim (uid precondition: a recreated pod of the same name is not hit).</summary>
    public void DeleteVictim(Pod victim) =>
        _writes.Writer.TryWrite(async (pods, ct) =>
        {
            var options = new DeleteOptions { Preconditions = new Preconditions { Uid = victim.Metadata.Uid } };
            ApiResult<Pod> result = await pods.DeleteAsync(victim.Metadata.Namespace, victim.Metadata.Name ?? "", options, ct).ConfigureAwait(false);
            return result.IsOk || result.IsNotFound ? null : result.ToString();
        });

    public void Complete() => _writes.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (Func<IResourceClient<Pod>, CancellationToken, Task<string?>> write in _writes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                string? failure;
                try
                {
                    failure = await write(_pods, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // A broken write is logged; the loop writes the next one.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = e.Message;
                }
                Written++;
                if (failure is not null)
                {
                    SchedulerLog.StatusWriteFailed(logger, failure);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the term ended
        }
    }
}
