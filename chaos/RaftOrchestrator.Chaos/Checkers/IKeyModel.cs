using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// A sequential specification of one key for the linearizability search. States are immutable values: the search
/// keeps old ones on its stack and memoizes (linearized set, state) pairs, so Equals/GetHashCode must be by value.
/// </summary>
internal interface IKeyModel<TState>
    where TState : IEquatable<TState>
{
    TState Initial { get; }

    /// <summary>
    /// Applies op to state. False when op's recorded output cannot follow from state. An
    /// <see cref="OperationOutcome.Unknown"/> op has no output to check: Step applies its effect, and may refuse it
    /// when the effect would be nil (a cas whose compare fails), because "never happened" is already covered by the
    /// search leaving the op out.
    /// </summary>
    bool Step(in TState state, Operation op, out TState next);

    string Describe(in TState state);
}
