using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

/// <summary>Short constructors for hand-written histories: ids are assigned in call order.</summary>
internal sealed class Ops
{
    private long _nextId = 1;

    public List<Operation> History { get; } = [];

    public Operation Put(int client, string key, string value, long invoke, long? ret, long? revision = null,
        OperationOutcome outcome = OperationOutcome.Ok) =>
        Add(new Operation(_nextId++, client, OperationKind.Put, key, new OperationInput(value), invoke,
            outcome == OperationOutcome.Unknown ? null : ret, outcome,
            outcome == OperationOutcome.Ok ? new OperationOutput(Revision: revision) : null));

    public Operation Get(int client, string key, string? value, long invoke, long ret, long? modRevision = null) =>
        Add(new Operation(_nextId++, client, OperationKind.Get, key, OperationInput.None, invoke, ret,
            OperationOutcome.Ok, new OperationOutput(Value: value, ModRevision: modRevision)));

    public Operation Cas(int client, string key, string? expected, string value, long invoke, long? ret, bool? succeeded,
        long? revision = null, OperationOutcome outcome = OperationOutcome.Ok) =>
        Add(new Operation(_nextId++, client, OperationKind.Cas, key, new OperationInput(value, ExpectedValue: expected),
            invoke, outcome == OperationOutcome.Unknown ? null : ret, outcome,
            outcome == OperationOutcome.Ok ? new OperationOutput(Revision: revision, Succeeded: succeeded) : null));

    public Operation CasRevision(int client, string key, long expectedModRevision, string value, long invoke, long ret,
        bool succeeded, long? revision = null) =>
        Add(new Operation(_nextId++, client, OperationKind.Cas, key,
            new OperationInput(value, ExpectedModRevision: expectedModRevision), invoke, ret, OperationOutcome.Ok,
            new OperationOutput(Revision: revision, Succeeded: succeeded)));

    public Operation Append(int client, string key, string element, long invoke, long? ret, long? revision = null,
        OperationOutcome outcome = OperationOutcome.Ok) =>
        Add(new Operation(_nextId++, client, OperationKind.Append, key, new OperationInput(element), invoke,
            outcome == OperationOutcome.Unknown ? null : ret, outcome,
            outcome == OperationOutcome.Ok ? new OperationOutput(Revision: revision) : null));

    public Operation ReadList(int client, string key, string[] elements, long invoke, long ret) =>
        Add(new Operation(_nextId++, client, OperationKind.ReadList, key, OperationInput.None, invoke, ret,
            OperationOutcome.Ok, new OperationOutput(Elements: elements)));

    public Operation Add(Operation op)
    {
        History.Add(op);
        return op;
    }
}
