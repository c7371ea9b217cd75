using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

/// <summary>
/// The definition, tried exhaustively, for tiny single-key register histories: some subset of the unknown writes
/// plus every Ok op, in some order that respects real time (a before b when a returned strictly before b was
/// invoked), each step accepted by the register model.
/// </summary>
internal static class BruteForceLinearizability
{
    public static bool IsLinearizable(IReadOnlyList<Operation> history)
    {
        Operation[] ops = [.. history.Where(o => o.Outcome == OperationOutcome.Ok
            || (o.Outcome == OperationOutcome.Unknown && o.IsWrite))];
        if (ops.Length > 10) throw new ArgumentException("too many ops for a brute force", nameof(history));
        var placed = new bool[ops.Length];
        return Search(ops, placed, new RegisterModel().Initial);
    }

    private static bool Search(Operation[] ops, bool[] placed, RegisterState state)
    {
        // Done when every op with a known return is placed; the unknown ones left over never took effect.
        if (Enumerable.Range(0, ops.Length).All(i => placed[i] || ops[i].ReturnTime is null)) return true;
        for (int i = 0; i < ops.Length; i++)
        {
            if (placed[i] || !Ready(ops, placed, i)) continue;
            if (!new RegisterModel().Step(state, ops[i], out RegisterState next)) continue;
            placed[i] = true;
            bool ok = Search(ops, placed, next);
            placed[i] = false;
            if (ok) return true;
        }
        return false;
    }

    /// <summary>Every op that returned before op i was invoked is already placed.</summary>
    private static bool Ready(Operation[] ops, bool[] placed, int i) =>
        Enumerable.Range(0, ops.Length).All(j => placed[j] || j == i || !(ops[j].ReturnTime < ops[i].InvokeTime));
}
