using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// Narrows one list key's history and model before the search, which otherwise tries every pending append at every
/// point and every order of them (a long run's list key ran out of a 50M-step budget). Applies only when the key's
/// appended values are unique (each value appended by one op), which the chaos traffic guarantees; a key with a
/// repeated value is searched as it is. Each rule keeps the verdict exactly, because in every linearization the
/// list only grows, so every read is a prefix of the final list F, and so is the longest read L:
/// - An unknown append whose value no Ok read shows is dropped. If a linearization places it, every read after it
///   would show it, so all reads precede it and the order without it is a linearization too; and a linearization
///   without it is one of the original history, since an unknown op may never have taken effect.
/// - An unknown append whose value an Ok read shows took effect before that read: it gets the earliest return among
///   the reads that show it (every linearization places it inside that narrower window).
/// - The model places a value L holds only at its index in L, and any other value only after all of L: that is
///   where F has them. If the reads are not prefixes of one another no linearization exists, and the search fails
///   as it would have.
/// </summary>
internal static class ListNarrowing
{
    public static List<Operation> Narrow(List<Operation> ops, out ListModel model)
    {
        model = default;
        var appends = new HashSet<string>(StringComparer.Ordinal);
        foreach (Operation op in ops)
        {
            if (op.Kind == OperationKind.Append && !appends.Add(op.Input.Value ?? "")) return ops;
        }

        // The earliest return of an Ok read showing each value, and the longest Ok read.
        var firstSeen = new Dictionary<string, long>(StringComparer.Ordinal);
        IReadOnlyList<string> longest = [];
        foreach (Operation op in ops)
        {
            if (op.Kind != OperationKind.ReadList || op.Outcome != OperationOutcome.Ok || op.Output?.Elements is not { } elements)
            {
                continue;
            }
            long at = op.ReturnTime!.Value;
            foreach (string element in elements)
            {
                if (!firstSeen.TryGetValue(element, out long seen) || at < seen) firstSeen[element] = at;
            }
            if (elements.Count > longest.Count) longest = elements;
        }

        var positions = new Dictionary<string, int>(longest.Count, StringComparer.Ordinal);
        for (int i = 0; i < longest.Count; i++) positions.TryAdd(longest[i], i);
        model = new ListModel(positions, longest.Count);

        var narrowed = new List<Operation>(ops.Count);
        foreach (Operation op in ops)
        {
            if (op.Kind != OperationKind.Append || op.Outcome != OperationOutcome.Unknown)
            {
                narrowed.Add(op);
            }
            else if (firstSeen.TryGetValue(op.Input.Value ?? "", out long seen))
            {
                // A read that returned before the append was invoked cannot have seen it: keep the window non-empty
                // so that the search, not this pass, reports the contradiction.
                narrowed.Add(op with { ReturnTime = Math.Max(seen, op.InvokeTime) });
            }
        }
        return narrowed;
    }
}
