using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>A validating admission plugin: runs after validation, on the final object; may only refuse.</summary>
public interface IValidatingAdmission
{
    ValueTask<Status?> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
