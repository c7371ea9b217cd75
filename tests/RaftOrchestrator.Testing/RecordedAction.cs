namespace RaftOrchestrator.Testing;

/// <summary>
/// One write attempted through the in-memory client (create, update, status update, patch, delete, subresource
/// post), with the code it got: reconciler tests assert on these ("created 3 pods", "did nothing"). Reads are not
/// recorded; dry runs are, marked <see cref="DryRun"/>. For a create with generateName, <see cref="Name"/> is the
/// generated name when the create succeeded, else the prefix.
/// </summary>
public sealed record RecordedAction(InMemoryVerb Verb, string Resource, string? Namespace, string Name, string? Subresource, int Code, bool DryRun = false)
{
    public bool Succeeded => Code is >= 200 and < 300;

    public override string ToString() =>
        $"{Verb} {Resource}{(Subresource is null ? "" : "/" + Subresource)} {(Namespace is null ? Name : $"{Namespace}/{Name}")} -> {Code}";
}
