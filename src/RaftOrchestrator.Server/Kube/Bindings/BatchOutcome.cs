using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Scheduling;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>A batch's end: per-binding results (<see cref="Status"/>), or the whole batch refused (<see cref="Refusal"/>: a lost fence, no leader).</summary>
public readonly record struct BatchOutcome(BindingBatchStatus? Status, Status? Refusal);
