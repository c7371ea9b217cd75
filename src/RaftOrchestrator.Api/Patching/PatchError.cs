namespace RaftOrchestrator.Api.Patching;

/// <summary>Why a patch was refused; <see cref="Message"/> is worded as Kubernetes' and goes into the Status.</summary>
public sealed record PatchError(PatchErrorKind Kind, string Message);
