using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// Checks a KV history for linearizability against a register model (get/put/cas) or an append-list model
/// (append/read-list), key by key (<see cref="LinearizabilitySearch"/>).
///
/// What each outcome means to the check: Ok ops took effect once between invoke and return and their outputs must
/// follow from the model; Failed ops had no effect and are dropped; Unknown writes may have taken effect at any time
/// after their invoke, or never (their return is +∞ and the search may leave them out); Unknown reads constrain
/// nothing and are dropped. A key with both register and list ops is Inconclusive (the traffic never mixes them).
/// </summary>
public static class LinearizabilityChecker
{
    public const string Name = "linearizability";

    /// <summary>
    /// The default budget: model steps over the whole history. Histories of the chaos traffic take about two steps
    /// per op; the budget is there for the pathological case (many concurrent unknown writes) where the search
    /// would otherwise run for hours.
    /// </summary>
    public const long DefaultBudget = 50_000_000;

    /// <param name="history">Every recorded KV operation, in any order.</param>
    /// <param name="budget">
    /// Model steps the whole check may take. Keys are checked smallest first, each with an equal share of what is
    /// left, so a key that needs little leaves the rest to the others; a key whose share runs out is Inconclusive.
    /// </param>
    public static LinearizabilityResult Check(IEnumerable<Operation> history, long budget = DefaultBudget)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        var byKey = new Dictionary<string, List<Operation>>(StringComparer.Ordinal);
        foreach (Operation op in history)
        {
            if (op.Outcome == OperationOutcome.Failed) continue;
            if (op.Outcome == OperationOutcome.Unknown && !op.IsWrite) continue;
            if (op.Outcome == OperationOutcome.Ok && op.ReturnTime is null)
            {
                throw new ArgumentException($"an Ok operation without a return time: {op}", nameof(history));
            }
            if (!byKey.TryGetValue(op.Key, out List<Operation>? ops)) byKey[op.Key] = ops = [];
            ops.Add(op);
        }

        var results = new List<KeyCheckResult>(byKey.Count);
        long left = budget;
        int keysLeft = byKey.Count;
        foreach ((string key, List<Operation> ops) in byKey.OrderBy(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            long share = Math.Max(1, left / keysLeft--);
            KeyCheckResult result = CheckKey(key, ops, share);
            left = Math.Max(0, left - result.Steps);
            results.Add(result);
        }
        // Failing keys first, then by key.
        results.Sort((a, b) => a.Status == b.Status || (a.Status != VerdictStatus.Fail && b.Status != VerdictStatus.Fail)
            ? string.CompareOrdinal(a.Key, b.Key)
            : a.Status == VerdictStatus.Fail ? -1 : 1);
        return new LinearizabilityResult(Verdict(results), results);
    }

    private static KeyCheckResult CheckKey(string key, List<Operation> ops, long budget)
    {
        bool list = ops.Any(o => o.IsListKind);
        if (list && ops.Any(o => !o.IsListKind))
        {
            return new KeyCheckResult(key, VerdictStatus.Inconclusive, ops.Count, 0,
                $"key {key}: both register and list operations; the models cannot share a key");
        }
        if (!list) return LinearizabilitySearch.Run<RegisterState, RegisterModel>(key, ops, default, budget);
        List<Operation> narrowed = ListNarrowing.Narrow(ops, out ListModel model);
        return LinearizabilitySearch.Run<ListState, ListModel>(key, narrowed, model, budget);
    }

    private static CheckVerdict Verdict(List<KeyCheckResult> results)
    {
        int ops = results.Sum(r => r.Operations);
        long steps = results.Sum(r => r.Steps);
        KeyCheckResult[] failed = [.. results.Where(r => r.Status == VerdictStatus.Fail)];
        if (failed.Length > 0)
        {
            return CheckVerdict.Fail(Name,
                $"{failed.Length} of {results.Count} keys not linearizable ({string.Join(", ", failed.Select(f => f.Key).Take(5))})",
                failed[0].Excerpt!);
        }
        KeyCheckResult[] open = [.. results.Where(r => r.Status == VerdictStatus.Inconclusive)];
        if (open.Length > 0)
        {
            return CheckVerdict.Inconclusive(Name, $"{open.Length} of {results.Count} keys undecided: {open[0].Excerpt}");
        }
        return CheckVerdict.Pass(Name, $"{ops} ops over {results.Count} keys linearizable ({steps} steps)");
    }
}
