namespace RaftOrchestrator.Api.Patching;

/// <summary>A field an apply would change that another manager owns; <see cref="Path"/> as <c>.spec.replicas</c>.</summary>
public sealed record FieldConflict(string Manager, string Path);
