using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

/// <summary>
/// The definition, tried exhaustively, for tiny single-key histories: some subset of the unknown writes plus every
/// Ok op, in some order that respects real time (a before b when a returned strictly before b was invoked), each
/// step accepted by the model (the register model, or the list model when the history holds list ops).
/// </summary>
internal static class BruteForceLinearizability
{
    public static bool IsLinearizable(IReadOnlyList<Operation> history)
    {
        Operation[] ops = [.. history.Where(o => o.Outcome == OperationOutcome.Ok
            || (o.Outcome == OperationOutcome.Unknown && o.IsWrite))];
        if (ops.Length > 10) throw new ArgumentException("too many ops for a brute force", nameof(history));
        var placed = new bool[ops.Length];
        return ops.Any(o => o.IsListKind)
            ? Search<ListState, ListModel>(ops, placed, default(ListModel).Initial)
            : Search<RegisterState, RegisterModel>(ops, placed, default(RegisterModel).Initial);
    }

    private static bool Search<TState, TModel>(Operation[] ops, bool[] placed, TState state)
        where TState : IEquatable<TState>
        where TModel : struct, IKeyModel<TState>
    {
        // Done when every op with a known return is placed; the unknown ones left over never took effect.
        if (Enumerable.Range(0, ops.Length).All(i => placed[i] || ops[i].ReturnTime is null)) return true;
        for (int i = 0; i < ops.Length; i++)
        {
            if (placed[i] || !Ready(ops, placed, i)) continue;
            if (!default(TModel).Step(state, ops[i], out TState next)) continue;
            placed[i] = true;
            bool ok = Search<TState, TModel>(ops, placed, next);
            placed[i] = false;
            if (ok) return true;
        }
        return false;
    }

    /// <summary>Every op that returned before op i was invoked is already placed.</summary>
    private static bool Ready(Operation[] ops, bool[] placed, int i) =>
        Enumerable.Range(0, ops.Length).All(j => placed[j] || j == i || !(ops[j].ReturnTime < ops[i].InvokeTime));
}
