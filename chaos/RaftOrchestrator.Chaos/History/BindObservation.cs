namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// A bind seen on a pod watch: the event at Revision in which the pod with this uid first carried NodeName (or, for
/// a recorder that sees binding requests, a successful bind response).
/// </summary>
public sealed record BindObservation(string PodUid, string NodeName, long Revision);
