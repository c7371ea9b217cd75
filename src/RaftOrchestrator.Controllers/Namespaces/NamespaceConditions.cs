using System.Globalization;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Namespaces;

/// <summary>
/// The deletion conditions of a terminating namespace, worded as Kubernetes' namespace controller words them (what
/// <c>kubectl describe namespace</c> shows while content remains). Discovery and group-version parsing cannot fail
/// here (the kinds come from the catalog), so those two are always False.
/// </summary>
internal static class NamespaceConditions
{
    public const string DiscoveryFailure = "NamespaceDeletionDiscoveryFailure";
    public const string GroupVersionParsingFailure = "NamespaceDeletionGroupVersionParsingFailure";
    public const string ContentFailure = "NamespaceDeletionContentFailure";
    public const string ContentRemaining = "NamespaceContentRemaining";
    public const string FinalizersRemaining = "NamespaceFinalizersRemaining";

    /// <summary>The five conditions, in Kubernetes' order, for one pass's results.</summary>
    public static List<NamespaceCondition> From(IReadOnlyList<ContentDeletion> results)
    {
        List<string> errors = [.. results.Where(r => r.Error is not null).Select(r => r.Error!)];
        List<string> remaining = [.. results.Where(r => r.Remaining > 0)
            .Select(r => $"{r.Resource} has {r.Remaining.ToString(CultureInfo.InvariantCulture)} resource instances").Order(StringComparer.Ordinal)];
        var finalizerCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((string finalizer, int count) in results.SelectMany(r => r.Finalizers))
        {
            finalizerCounts[finalizer] = finalizerCounts.GetValueOrDefault(finalizer) + count;
        }
        List<string> finalizers = [.. finalizerCounts
            .Select(p => $"{p.Key} in {p.Value.ToString(CultureInfo.InvariantCulture)} resource instances").Order(StringComparer.Ordinal)];
        return
        [
            Condition(DiscoveryFailure, false, "ResourcesDiscovered", "All resources successfully discovered"),
            Condition(GroupVersionParsingFailure, false, "ParsedGroupVersions", "All legacy kube types successfully parsed"),
            errors.Count > 0
                ? Condition(ContentFailure, true, "ContentDeletionFailed",
                    $"Failed to delete all resource types, {errors.Count.ToString(CultureInfo.InvariantCulture)} remaining: {Aggregate(errors)}")
                : Condition(ContentFailure, false, "ContentDeleted", "All content successfully deleted, may be waiting on finalization"),
            remaining.Count > 0
                ? Condition(ContentRemaining, true, "SomeResourcesRemain", $"Some resources are remaining: {string.Join(", ", remaining)}")
                : Condition(ContentRemaining, false, "ContentRemoved", "All content successfully removed"),
            finalizers.Count > 0
                ? Condition(FinalizersRemaining, true, "SomeFinalizersRemain", $"Some content in the namespace has finalizers remaining: {string.Join(", ", finalizers)}")
                : Condition(FinalizersRemaining, false, "ContentHasNoFinalizers", "All content-preserving finalizers finished"),
        ];
    }

    /// <summary>
    /// Merges <paramref name="next"/> into <paramref name="status"/>: a condition whose status, reason or message
    /// changed takes the new values and <paramref name="now"/> as its transition time; an unchanged one keeps its
    /// time. True when anything changed.
    /// </summary>
    public static bool Merge(NamespaceStatus status, IReadOnlyList<NamespaceCondition> next, DateTime now)
    {
        status.Conditions ??= [];
        bool changed = false;
        foreach (NamespaceCondition condition in next)
        {
            NamespaceCondition? old = status.Conditions.Find(c => c.Type == condition.Type);
            if (old is null)
            {
                condition.LastTransitionTime = now;
                status.Conditions.Add(condition);
                changed = true;
            }
            else if (old.Status != condition.Status || old.Reason != condition.Reason || old.Message != condition.Message)
            {
                old.Status = condition.Status;
                old.Reason = condition.Reason;
                old.Message = condition.Message;
                old.LastTransitionTime = now;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>utilerrors.Aggregate's text: one error as itself, several in brackets.</summary>
    private static string Aggregate(List<string> errors) => errors.Count == 1 ? errors[0] : $"[{string.Join(", ", errors)}]";

    private static NamespaceCondition Condition(string type, bool status, string reason, string message) =>
        new() { Type = type, Status = status ? "True" : "False", Reason = reason, Message = message };
}
