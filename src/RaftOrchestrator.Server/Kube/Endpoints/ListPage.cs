namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>A page of a list: the matching objects, the revision they were read at, and the token to the next page.</summary>
public sealed record ListPage<T>(List<T> Items, long Revision, string? Continue, long? RemainingItemCount);
