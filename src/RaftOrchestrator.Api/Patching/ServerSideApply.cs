using System.Globalization;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// Server-side apply and managedFields tracking (Kubernetes' field manager), simplified but with the same rules:
/// every manager owns a <see cref="FieldSet"/> per (manager, operation, apiVersion); an apply sets the fields of
/// its config, takes ownership of exactly the config's fields, and removes the fields it set last time and no
/// longer sets (unless another manager owns them too); changing a field another manager owns is a conflict,
/// unless forced, which moves the ownership. Updates (<see cref="RecordUpdate"/>) give the fields they change to
/// their manager. Untracked: apiVersion, kind, metadata identity/bookkeeping, and status.
/// </summary>
public static partial class ServerSideApply
{
    /// <summary>
    /// Applies <paramref name="config"/> as <paramref name="manager"/> to <paramref name="live"/> (null: the object
    /// is created). Maps and merge-keyed lists merge, set lists merge as sets, other lists and scalars replace;
    /// the config's status is ignored. <paramref name="time"/> stamps the manager's entry.
    /// </summary>
    public static ApplyResult Apply(
        JsonNode? live,
        JsonNode? config,
        string manager,
        bool force,
        IReadOnlyList<ManagedFieldsEntry>? entries,
        PatchSchema schema,
        DateTime time)
    {
        if (config is not JsonObject)
        {
            return ApplyResult.Fail(new PatchError(PatchErrorKind.BadRequest, "an apply configuration must be a JSON object"));
        }
        List<Manager> managers = Decode(entries);
        if (live is JsonObject && managers.Count == 0)
        {
            managers.Add(new Manager(new ManagedFieldsEntry { Manager = BeforeFirstApply, Operation = UpdateOperation, ApiVersion = ApiVersionOf(live), Time = time },
                FieldSet.FromObject(Tracked(live), schema)));
        }
        JsonObject tracked = Tracked(config);
        FieldSet configSet = FieldSet.FromObject(tracked, schema);
        Manager? own = managers.Find(m => m.Is(manager, ApplyOperation));
        JsonObject trackedLive = Tracked(live);

        var conflicts = new List<FieldConflict>();
        var conflicted = new Dictionary<Manager, FieldSet>();
        foreach (Manager other in managers.Where(m => m != own && !string.Equals(m.Entry.Manager, manager, StringComparison.Ordinal)))
        {
            foreach (string[] path in configSet.Intersect(other.Set).Members())
            {
                if (!configSet.HasChildren(path) && !SameAt(trackedLive, tracked, path))
                {
                    conflicts.Add(new FieldConflict(other.Entry.Manager ?? "", FieldPath.Format(path)));
                    (conflicted.TryGetValue(other, out FieldSet? set) ? set : conflicted[other] = new FieldSet()).Add(path);
                }
            }
        }
        if (conflicts.Count > 0 && !force)
        {
            return ApplyResult.Conflict(conflicts, ConflictMessage(conflicts, managers));
        }
        foreach (Manager other in managers.Where(m => m != own))
        {
            if (conflicted.TryGetValue(other, out FieldSet? taken))
            {
                other.Set = other.Set.Except(taken);
            }
            if (string.Equals(other.Entry.Manager, manager, StringComparison.Ordinal))
            {
                other.Set = other.Set.Except(configSet);
            }
        }

        JsonObject working = live?.DeepClone() as JsonObject ?? [];
        FieldSet othersOwn = managers.Where(m => m != own).Aggregate(new FieldSet(), (all, m) => all.Union(m.Set));
        FieldSet kept = othersOwn.Union(configSet);
        foreach (string[] path in (own?.Set ?? new FieldSet()).Except(configSet).Members())
        {
            // Parents go first (a removed item takes its fields along); an item's key field stays while the item does.
            if (!othersOwn.ContainsPrefix(path) && !IsKeyOfItem(path))
            {
                FieldPath.Remove(working, path, kept.Contains);
            }
        }

        var patch = (JsonObject)config.DeepClone();
        patch.Remove("status");
        (patch["metadata"] as JsonObject)?.Remove("managedFields");
        PatchResult merged = StrategicMergePatch.Apply(working, patch, schema);
        if (!merged.Succeeded)
        {
            return ApplyResult.Fail(merged.Error);
        }

        var entry = new ManagedFieldsEntry { Manager = manager, Operation = ApplyOperation, ApiVersion = ApiVersionOf(config), Time = time };
        if (own is null)
        {
            managers.Add(new Manager(entry, configSet));
        }
        else
        {
            managers[managers.IndexOf(own)] = new Manager(entry, configSet);
        }
        return ApplyResult.Ok(merged.Value!, Encode(managers));
    }

    private static bool IsKeyOfItem(string[] path) =>
        path.Length >= 2 && path[^1].StartsWith("f:", StringComparison.Ordinal)
        && path[^2].StartsWith("k:{\"" + path[^1][2..] + "\":", StringComparison.Ordinal);

    /// <summary>Kubernetes' wording: <c>Apply failed with 1 conflict: conflict with "m" using apps/v1: .spec.replicas</c>.</summary>
    private static string ConflictMessage(List<FieldConflict> conflicts, List<Manager> managers)
    {
        string count = conflicts.Count.ToString(CultureInfo.InvariantCulture);
        IEnumerable<string> parts = conflicts.GroupBy(c => c.Manager, StringComparer.Ordinal).Select(group =>
        {
            string? version = managers.Find(m => string.Equals(m.Entry.Manager, group.Key, StringComparison.Ordinal))?.Entry.ApiVersion;
            string with = $"\"{group.Key}\"" + (version is null ? "" : $" using {version}");
            return group.Count() == 1
                ? $"conflict with {with}: {group.First().Path}"
                : $"conflicts with {with}:\n" + string.Join("\n", group.Select(c => "- " + c.Path));
        });
        return $"Apply failed with {count} conflict{(conflicts.Count == 1 ? "" : "s")}: " + string.Join("\n", parts);
    }
}
