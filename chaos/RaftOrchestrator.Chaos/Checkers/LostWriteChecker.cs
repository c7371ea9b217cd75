using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// No acknowledged write is missing after recovery: the final read of every written key must be explained by the
/// history.
/// - Register key: the final value was written by some op that was not Failed, and no acknowledged write began
///   after that op had returned (it would have overwritten it); the final mod revision is not below any
///   acknowledged write's revision; an absent key with acknowledged writes lost them all.
/// - List key: every acknowledged element is present, once; every element was appended by an op that was not
///   Failed; and two acknowledged appends that did not overlap appear in the order they were acknowledged in.
/// Unknown writes may or may not be visible. Linearizability already implies most of this for the reads made during
/// the run; this check is about the state that survives the faults, read once at the end.
/// </summary>
public static class LostWriteChecker
{
    public const string Name = "lost-writes";

    private const int MaxListed = 10;

    public static CheckVerdict Check(IEnumerable<Operation> history, IEnumerable<FinalRead> finalReads)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(finalReads);
        Dictionary<string, FinalRead> finals = finalReads.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var violations = new List<string>();
        var unread = new List<string>();
        int keys = 0;
        int acked = 0;
        foreach (IGrouping<string, Operation> group in history
            .Where(o => o.IsWrite && o.Outcome != OperationOutcome.Failed)
            .GroupBy(o => o.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Operation[] writes = [.. group];
            Operation[] acknowledged = [.. writes.Where(w => w.IsAcknowledgedWrite)];
            if (acknowledged.Length == 0) continue;
            keys++;
            acked += acknowledged.Length;
            if (!finals.TryGetValue(group.Key, out FinalRead? final))
            {
                unread.Add(group.Key);
                continue;
            }
            if (writes.Any(w => w.Kind == OperationKind.Append)) CheckList(final, writes, acknowledged, violations);
            else CheckRegister(final, writes, acknowledged, violations);
        }

        if (violations.Count > 0)
        {
            string excerpt = string.Join('\n', violations.Take(MaxListed))
                + (violations.Count > MaxListed ? $"\n… and {violations.Count - MaxListed} more" : "");
            return CheckVerdict.Fail(Name, $"{violations.Count} lost or unexplained writes", excerpt);
        }
        if (unread.Count > 0)
        {
            return CheckVerdict.Inconclusive(Name, $"no final read of {unread.Count} written keys ({string.Join(", ", unread.Take(5))})");
        }
        return CheckVerdict.Pass(Name, $"{acked} acknowledged writes on {keys} keys all survive");
    }

    private static void CheckRegister(FinalRead final, Operation[] writes, Operation[] acknowledged, List<string> violations)
    {
        Operation last = acknowledged.MaxBy(w => w.ReturnTime)!;
        if (final.Value is null)
        {
            violations.Add($"key {final.Key}: absent at the end, but {acknowledged.Length} writes were acknowledged; the last:\n    {last}");
            return;
        }
        // Values are unique per write in the traffic; should two writes share one, the latest-returning explains most.
        Operation? writer = writes.Where(w => string.Equals(w.Input.Value, final.Value, StringComparison.Ordinal))
            .MaxBy(w => w.ReturnTime ?? long.MaxValue);
        if (writer is null)
        {
            violations.Add($"key {final.Key}: the final value {final.Value} was never written");
            return;
        }
        if (writer.ReturnTime is long returned)
        {
            Operation? after = acknowledged.Where(w => w.InvokeTime > returned).MinBy(w => w.InvokeTime);
            if (after is not null)
            {
                violations.Add($"key {final.Key}: lost write: the final value {final.Value} was written by\n    {writer}\n  yet this write, begun after that one returned, was acknowledged:\n    {after}");
                return;
            }
        }
        Operation? above = acknowledged.Where(w => w.Output?.Revision > final.ModRevision).MaxBy(w => w.Output!.Revision);
        if (final.ModRevision > 0 && above is not null)
        {
            violations.Add($"key {final.Key}: the final mod revision {final.ModRevision} is below an acknowledged write's:\n    {above}");
        }
    }

    private static void CheckList(FinalRead final, Operation[] writes, Operation[] acknowledged, List<string> violations)
    {
        IReadOnlyList<string> elements = final.Elements ?? ListEncoding.Decode(final.Value);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < elements.Count; i++)
        {
            if (!index.TryAdd(elements[i], i)) violations.Add($"key {final.Key}: element {elements[i]} appears twice");
        }
        var appended = writes.Select(w => w.Input.Value ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (string phantom in elements.Where(e => !appended.Contains(e)))
        {
            violations.Add($"key {final.Key}: element {phantom} was never appended");
        }
        foreach (Operation lost in acknowledged.Where(w => !index.ContainsKey(w.Input.Value ?? "")))
        {
            violations.Add($"key {final.Key}: lost append, missing from the final list of {elements.Count}:\n    {lost}");
        }

        // Ack order: sweep the appends by invoke time; every append that returned before b's invoke must sit before b.
        Operation[] present = [.. acknowledged.Where(w => index.ContainsKey(w.Input.Value ?? ""))];
        Operation[] byReturn = [.. present.OrderBy(w => w.ReturnTime)];
        int next = 0;
        Operation? latestPlaced = null;
        foreach (Operation b in present.OrderBy(w => w.InvokeTime))
        {
            while (next < byReturn.Length && byReturn[next].ReturnTime < b.InvokeTime)
            {
                Operation a = byReturn[next++];
                if (latestPlaced is null || index[a.Input.Value!] > index[latestPlaced.Input.Value!]) latestPlaced = a;
            }
            if (latestPlaced is not null && index[latestPlaced.Input.Value!] > index[b.Input.Value!])
            {
                violations.Add($"key {final.Key}: appends out of acknowledged order: this one returned first\n    {latestPlaced}\n  but sits after\n    {b}");
            }
        }
    }
}
