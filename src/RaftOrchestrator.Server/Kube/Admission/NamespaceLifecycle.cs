using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>
/// kube-apiserver's NamespaceLifecycle: nothing is created in a namespace that does not exist (404) or is being
/// terminated (403), and the system namespaces cannot be deleted. The namespace is read from this replica; a miss
/// is confirmed with a linearizable read before refusing (the namespace may have just been created elsewhere).
/// </summary>
public sealed class NamespaceLifecycle(NamespaceLookup namespaces) : IValidatingAdmission
{
    public static IReadOnlySet<string> SystemNamespaces { get; } = new HashSet<string>(["default", "kube-system", "kube-public", "kube-node-lease"]);

    public async ValueTask<Status?> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Resource.Plural == "namespaces" && request.Resource.Group.Length == 0)
        {
            return request.Operation == AdmissionOperation.Delete && SystemNamespaces.Contains(request.Name)
                ? ApiStatus.Forbidden($"namespaces \"{request.Name}\" is forbidden: this namespace may not be deleted")
                : null;
        }
        if (request.Operation != AdmissionOperation.Create || !request.Resource.Namespaced || request.Namespace is not { Length: > 0 } ns)
        {
            return null;
        }
        Namespace? found = await namespaces.FindAsync(ns, cancellationToken);
        if (found is null)
        {
            return ApiStatus.Failure(404, "NotFound", $"namespaces \"{ns}\" not found", new StatusDetails { Name = ns, Kind = "namespaces" });
        }
        if (found.Metadata.DeletionTimestamp is not null || found.Status?.Phase == "Terminating")
        {
            return ApiStatus.Failure(403, "Forbidden",
                $"{request.Resource.QualifiedPlural} \"{request.Name}\" is forbidden: unable to create new content in namespace {ns} because it is being terminated",
                new StatusDetails { Name = request.Name, Kind = request.Resource.Plural, Group = request.Resource.Group.Length == 0 ? null : request.Resource.Group });
        }
        return null;
    }
}
