using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// Binds through pods/{name}/binding, one call per pod (what kube-scheduler's DefaultBinder does), the calls of one
/// group concurrently. For servers without BindingBatch and for deployments that want the plain Kubernetes path.
/// </summary>
public sealed class SinglePodBinder(IClusterClient client, int maxBatchSize = 64) : IPodBinder
{
    private readonly IResourceClient<Pod> _pods = client.Resource<Pod>();

    public string Name => "pod-binding";

    public int MaxBatchSize { get; } = Math.Max(1, maxBatchSize);

    public async Task<IReadOnlyList<BindOutcome>> BindAsync(IReadOnlyList<PodBinding> bindings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        return await Task.WhenAll(bindings.Select(b => BindOneAsync(b, cancellationToken))).ConfigureAwait(false);
    }

    private async Task<BindOutcome> BindOneAsync(PodBinding binding, CancellationToken cancellationToken)
    {
        var body = new Binding
        {
            Metadata = new ObjectMeta { Namespace = binding.Namespace, Name = binding.Name, Uid = binding.Uid },
            Target = new ObjectReference { Kind = "Node", Name = binding.NodeName },
        };
        ApiResult<Status> result;
        try
        {
            result = await _pods.PostSubresourceAsync<Binding, Status>(binding.Namespace, binding.Name, "binding", body, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new BindOutcome(BindOutcomeKind.Failed, "the binding call timed out");
        }
        return Classify(result);
    }

    /// <summary>404 and "already assigned"/"being deleted" conflicts mean the pod is not ours to bind any more.</summary>
    internal static BindOutcome Classify(ApiResult<Status> result)
    {
        if (result.IsOk)
        {
            return BindOutcome.Bound;
        }
        string message = result.Error.Message ?? result.Error.Reason ?? result.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (result.IsNotFound)
        {
            return new BindOutcome(BindOutcomeKind.Gone, message);
        }
        if (result.Code == 409 && (message.Contains("already assigned", StringComparison.Ordinal) || message.Contains("being deleted", StringComparison.Ordinal)))
        {
            return new BindOutcome(BindOutcomeKind.Gone, message);
        }
        return result.IsTransient || result.Code >= 500
            ? new BindOutcome(BindOutcomeKind.Failed, message)
            : new BindOutcome(BindOutcomeKind.Refused, message);
    }
}
