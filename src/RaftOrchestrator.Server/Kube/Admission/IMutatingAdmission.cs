using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>A mutating admission plugin: runs before validation, may change the object, or refuse with a Status.</summary>
public interface IMutatingAdmission
{
    ValueTask<Status?> AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken);
}
