using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Scheduling.Plugins.DefaultPreemption;

/// <summary>
/// A PodDisruptionBudget as preemption reads it: its namespace, compiled selector (an empty or null selector
/// matches no pod here, as in kube-scheduler), status.disruptionsAllowed and status.disruptedPods (names already
/// being evicted, which do not spend the budget again).
/// </summary>
public sealed record DisruptionBudget(string Namespace, LabelSelectorMatcher Selector, int DisruptionsAllowed, IReadOnlySet<string>? DisruptedPods = null);
