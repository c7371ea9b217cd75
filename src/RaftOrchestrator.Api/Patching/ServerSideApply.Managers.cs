using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Patching;

public static partial class ServerSideApply
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    /// <summary>Kubernetes' owner of the fields an object had before its first apply (when it had no managedFields).</summary>
    public const string BeforeFirstApply = "before-first-apply";

    private static readonly string[] s_untrackedRoot = ["apiVersion", "kind", "status"];

    private static readonly string[] s_untrackedMetadata =
    [
        "name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
        "deletionGracePeriodSeconds", "managedFields", "selfLink",
    ];

    /// <summary>One managedFields entry while it is being changed.</summary>
    private sealed class Manager(ManagedFieldsEntry entry, FieldSet set)
    {
        public ManagedFieldsEntry Entry { get; } = entry;

        public FieldSet Set { get; set; } = set;

        public bool Is(string manager, string operation) =>
            string.Equals(Entry.Manager, manager, StringComparison.Ordinal) && string.Equals(Entry.Operation, operation, StringComparison.Ordinal);
    }

    private static List<Manager> Decode(IReadOnlyList<ManagedFieldsEntry>? entries)
    {
        var managers = new List<Manager>();
        foreach (ManagedFieldsEntry entry in entries ?? [])
        {
            FieldSet set = entry.FieldsV1 is { } fields && FieldSet.TryParse(fields, out FieldSet parsed) ? parsed : new FieldSet();
            managers.Add(new Manager(entry, set));
        }
        return managers;
    }

    /// <summary>Entries with fields left, in their order; entries whose set is now empty are dropped, as Kubernetes does.</summary>
    private static List<ManagedFieldsEntry> Encode(List<Manager> managers) =>
    [
        .. managers.Where(m => !m.Set.IsEmpty).Select(m => new ManagedFieldsEntry
        {
            Manager = m.Entry.Manager,
            Operation = m.Entry.Operation,
            ApiVersion = m.Entry.ApiVersion,
            Time = m.Entry.Time,
            FieldsType = "FieldsV1",
            FieldsV1 = m.Set.ToFieldsV1(),
            Subresource = m.Entry.Subresource,
        }),
    ];

    /// <summary>
    /// A copy without the fields nobody owns: apiVersion, kind, the identity and bookkeeping of metadata (name,
    /// namespace, uid, resourceVersion, ...), and status (reset on writes to the main resource).
    /// </summary>
    private static JsonObject Tracked(JsonNode? value)
    {
        if (value?.DeepClone() is not JsonObject copy)
        {
            return [];
        }
        foreach (string name in s_untrackedRoot)
        {
            copy.Remove(name);
        }
        if (copy["metadata"] is JsonObject metadata)
        {
            foreach (string name in s_untrackedMetadata)
            {
                metadata.Remove(name);
            }
            if (metadata.Count == 0)
            {
                copy.Remove("metadata");
            }
        }
        return copy;
    }

    private static string? ApiVersionOf(JsonNode? value) =>
        value is JsonObject members && members["apiVersion"] is JsonValue version && version.TryGetValue(out string? text) ? text : null;

    /// <summary>Both sides hold the same value at the path (absent on both counts as the same).</summary>
    private static bool SameAt(JsonNode? a, JsonNode? b, IReadOnlyList<string> path)
    {
        bool inA = FieldPath.TryFind(a, path, out JsonNode? valueA);
        bool inB = FieldPath.TryFind(b, path, out JsonNode? valueB);
        return inA == inB && JsonNode.DeepEquals(valueA, valueB);
    }
}
