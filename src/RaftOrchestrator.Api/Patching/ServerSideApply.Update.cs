using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Patching;

public static partial class ServerSideApply
{
    /// <summary>
    /// The managedFields after a non-apply write (create, update, patch) by <paramref name="manager"/>: the fields
    /// it added or changed (a changed leaf, or a new keyed item / set value) move to its entry for
    /// (<paramref name="manager"/>, <paramref name="operation"/>, the new object's apiVersion), merged with what
    /// that entry held, and leave every other entry; fields the write removed leave every entry. <paramref name="old"/>
    /// null is a create.
    /// </summary>
    public static IReadOnlyList<ManagedFieldsEntry> RecordUpdate(
        JsonNode? old,
        JsonNode? updated,
        string manager,
        string operation,
        IReadOnlyList<ManagedFieldsEntry>? entries,
        PatchSchema schema,
        DateTime time)
    {
        List<Manager> managers = Decode(entries);
        JsonObject before = Tracked(old);
        JsonObject after = Tracked(updated);
        FieldSet oldSet = FieldSet.FromObject(before, schema);
        FieldSet newSet = FieldSet.FromObject(after, schema);
        var changed = new FieldSet();
        foreach (string[] path in newSet.Members())
        {
            bool leaf = !newSet.HasChildren(path);
            if (!oldSet.Contains(path) || (leaf && !SameAt(before, after, path)))
            {
                changed.Add(path);
            }
        }
        FieldSet removed = oldSet.Except(newSet);
        string? apiVersion = ApiVersionOf(updated);
        Manager? own = managers.Find(m => m.Is(manager, operation) && string.Equals(m.Entry.ApiVersion, apiVersion, StringComparison.Ordinal));
        foreach (Manager other in managers)
        {
            other.Set = other.Set.Except(changed).Except(removed);
        }
        if (changed.IsEmpty)
        {
            return Encode(managers);
        }
        var entry = new ManagedFieldsEntry { Manager = manager, Operation = operation, ApiVersion = apiVersion, Time = time };
        if (own is null)
        {
            managers.Add(new Manager(entry, changed));
        }
        else
        {
            managers[managers.IndexOf(own)] = new Manager(entry, own.Set.Union(changed));
        }
        return Encode(managers);
    }
}
