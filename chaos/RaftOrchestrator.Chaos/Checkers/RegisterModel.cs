using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// get / put / compare-and-swap on one etcd key. Mod revisions are checked when both sides know them: a get must
/// report the mod revision of the write it read, and a cas on mod_revision must succeed exactly when it matches. A
/// revision the state does not know (after an unknown put) is learnt from the next read that reports it; a cas on an
/// unknown revision is let through either way (the check is weaker there, never wrong). A write's revision must
/// exceed the key's known mod revision: the revision of a key never goes back.
/// </summary>
internal readonly struct RegisterModel : IKeyModel<RegisterState>
{
    public RegisterState Initial => new(null, 0);

    public bool Step(in RegisterState state, Operation op, out RegisterState next)
    {
        next = state;
        switch (op.Kind)
        {
            case OperationKind.Get:
                if (op.Output is not { } read) return true;
                if (!string.Equals(read.Value, state.Value, StringComparison.Ordinal)) return false;
                if (read.ModRevision is long m)
                {
                    if (state.ModRevision != RegisterState.UnknownRevision && state.ModRevision != m) return false;
                    next = state with { ModRevision = m };
                }
                return true;
            case OperationKind.Put:
                next = new RegisterState(op.Input.Value, WrittenRevision(op));
                return RevisionAdvances(state, next);
            case OperationKind.Cas:
                return StepCas(state, op, out next);
            default:
                throw new InvalidOperationException($"{op.Kind} is not a register operation: {op}");
        }
    }

    public string Describe(in RegisterState state) => state.ToString();

    private static bool StepCas(in RegisterState state, Operation op, out RegisterState next)
    {
        next = state;
        bool? holds = op.Input.ExpectedModRevision is long expectedRevision
            ? state.ModRevision == RegisterState.UnknownRevision ? null : state.ModRevision == expectedRevision
            : string.Equals(state.Value, op.Input.ExpectedValue, StringComparison.Ordinal);
        bool? succeeded = op.Outcome == OperationOutcome.Ok ? op.Output?.Succeeded : null;
        if (succeeded is null)
        {
            // Unknown effect: linearized here means "it applied" (a failing compare applies nothing, which the
            // search covers by leaving the op out).
            if (holds == false) return false;
            next = new RegisterState(op.Input.Value, RegisterState.UnknownRevision);
            return true;
        }
        if (succeeded.Value)
        {
            if (holds == false) return false;
            next = new RegisterState(op.Input.Value, WrittenRevision(op));
            return RevisionAdvances(state, next);
        }
        return holds != true;
    }

    /// <summary>A write's revision is above the key's current mod revision, when both are known (revisions only grow).</summary>
    private static bool RevisionAdvances(in RegisterState before, in RegisterState after) =>
        before.ModRevision == RegisterState.UnknownRevision || after.ModRevision == RegisterState.UnknownRevision
        || after.ModRevision > before.ModRevision;

    private static long WrittenRevision(Operation op) =>
        op.Outcome == OperationOutcome.Ok && op.Output?.Revision is long r ? r : RegisterState.UnknownRevision;
}
