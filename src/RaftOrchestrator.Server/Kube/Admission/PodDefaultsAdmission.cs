using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>
/// The pod admission defaults of kube-apiserver, on create: ServiceAccount (serviceAccountName "default") and
/// DefaultTolerationSeconds (tolerate node.kubernetes.io/not-ready and unreachable NoExecute taints for 300 s, so a
/// pod on a node that stops answering is evicted after five minutes, not at once).
/// </summary>
public sealed class PodDefaultsAdmission : IMutatingAdmission
{
    private const long DefaultTolerationSeconds = 300;

    private static readonly string[] s_nodeProblemTaints = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

    public ValueTask<Status?> AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Operation != AdmissionOperation.Create || request.NewObject is not Pod pod)
        {
            return ValueTask.FromResult<Status?>(null);
        }
        PodSpec spec = pod.Spec;
        if (string.IsNullOrEmpty(spec.ServiceAccountName))
        {
            spec.ServiceAccountName = string.IsNullOrEmpty(spec.DeprecatedServiceAccount) ? "default" : spec.DeprecatedServiceAccount;
        }
        spec.Tolerations ??= [];
        foreach (string taint in s_nodeProblemTaints)
        {
            if (!spec.Tolerations.Any(t => Tolerates(t, taint)))
            {
                spec.Tolerations.Add(new Toleration { Key = taint, Operator = "Exists", Effect = "NoExecute", TolerationSeconds = DefaultTolerationSeconds });
            }
        }
        return ValueTask.FromResult<Status?>(null);
    }

    /// <summary>Does an existing toleration already cover a NoExecute taint with this key (any key with Exists and no key counts)?</summary>
    private static bool Tolerates(Toleration toleration, string key) =>
        (toleration.Effect is null or "" or "NoExecute")
        && (toleration.Key == key || (string.IsNullOrEmpty(toleration.Key) && toleration.Operator == "Exists"));
}
