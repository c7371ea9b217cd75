using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling;

/// <summary>
/// The outcome of one scheduling cycle's search, as a value: the chosen node, or a <see cref="FitError"/> (no node
/// fits; per-node statuses inside, PostFilter's nomination alongside), or an Error status (a plugin failed).
/// </summary>
public sealed class ScheduleResult
{
    private ScheduleResult(string? host, int evaluated, int feasible, FitError? fitError, Status? error, PostFilterResult? postFilter)
    {
        SuggestedHost = host;
        EvaluatedNodes = evaluated;
        FeasibleNodes = feasible;
        FitError = fitError;
        Error = error;
        PostFilter = postFilter;
    }

    public string? SuggestedHost { get; }

    /// <summary>Nodes the filters ran on (feasible + rejected).</summary>
    public int EvaluatedNodes { get; }

    public int FeasibleNodes { get; }

    public FitError? FitError { get; }

    public Status? Error { get; }

    /// <summary>On a FitError, what PostFilter (preemption) answered; its NominatedNodeName when it found one.</summary>
    public PostFilterResult? PostFilter { get; }

    public bool IsSuccess => SuggestedHost is not null;

    internal static ScheduleResult Scheduled(string host, int evaluated, int feasible) => new(host, evaluated, feasible, null, null, null);

    internal static ScheduleResult Unschedulable(FitError fitError, int evaluated, PostFilterResult? postFilter) =>
        new(null, evaluated, 0, fitError, null, postFilter);

    internal static ScheduleResult Failed(Status error) => new(null, 0, 0, null, error, null);

    public override string ToString() =>
        SuggestedHost is not null ? $"{SuggestedHost} ({FeasibleNodes}/{EvaluatedNodes} feasible)"
        : FitError is not null ? FitError.Message
        : Error?.ToString() ?? "";
}
