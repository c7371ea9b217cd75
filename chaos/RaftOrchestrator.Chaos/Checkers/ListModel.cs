using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>An append-only list per key (<see cref="OperationKind.Append"/>): appends add at the end, a read sees the whole list.</summary>
internal readonly struct ListModel : IKeyModel<ListState>
{
    public ListState Initial => default;

    public bool Step(in ListState state, Operation op, out ListState next)
    {
        next = state;
        switch (op.Kind)
        {
            case OperationKind.Append:
                next = state.Append(op.Input.Value ?? "");
                return true;
            case OperationKind.ReadList:
                return op.Output?.Elements is not { } elements || state.SequenceEqual(elements);
            default:
                throw new InvalidOperationException($"{op.Kind} is not a list operation: {op}");
        }
    }

    public string Describe(in ListState state) => state.ToString();
}
