using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>The compares (each reservation key absent) and puts (the reservation keys) a create adds to its transaction.</summary>
public sealed record Reservation(IReadOnlyList<Compare> Compares, IReadOnlyList<RequestOp> Puts)
{
    public static Reservation Empty { get; } = new([], []);
}
