using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// An append-only list per key (<see cref="OperationKind.Append"/>): appends add at the end, a read sees the whole
/// list. The default model places any append anywhere; <see cref="ListNarrowing"/> builds one that knows where the
/// longest read puts each value (positions) and how long it is, and places appends only there.
/// </summary>
internal readonly struct ListModel(IReadOnlyDictionary<string, int>? positions, int longestRead) : IKeyModel<ListState>
{
    public ListState Initial => default;

    public bool Step(in ListState state, Operation op, out ListState next)
    {
        next = state;
        switch (op.Kind)
        {
            case OperationKind.Append:
                string value = op.Input.Value ?? "";
                if (positions is not null && (positions.TryGetValue(value, out int at) ? state.Count != at : state.Count < longestRead))
                {
                    return false;
                }
                next = state.Append(value);
                return true;
            case OperationKind.ReadList:
                return op.Output?.Elements is not { } elements || state.SequenceEqual(elements);
            default:
                throw new InvalidOperationException($"{op.Kind} is not a list operation: {op}");
        }
    }

    public string Describe(in ListState state) => state.ToString();
}
