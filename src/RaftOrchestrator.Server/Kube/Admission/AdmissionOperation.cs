namespace RaftOrchestrator.Server.Kube.Admission;

public enum AdmissionOperation
{
    Create = 0,
    Update,
    Delete,
}
