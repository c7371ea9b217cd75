using System.Text;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>Resource quotas: spec.hard is the limit; the quota controller writes status (hard, used) through the status subresource.</summary>
public sealed class ResourceQuotaResourceStrategy : ResourceStrategy<ResourceQuota>
{
    public static IReadOnlyList<string> Scopes { get; } =
        ["BestEffort", "CrossNamespacePodAffinity", "NotBestEffort", "NotTerminating", "PriorityClass", "Terminating", "VolumeAttributesClass"];

    private static readonly string[] s_operators = ["DoesNotExist", "Exists", "In", "NotIn"];

    public override bool HasStatusSubresource => true;

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Age,
        TableColumn.Text("Request", "Request represents a minimum amount of cpu/memory that a container may consume."),
        TableColumn.Text("Limit", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."),
    ];

    public override void PrepareForCreate(ResourceQuota value) => value.Status = null;

    public override void Validate(ResourceQuota value, FieldErrorList errors)
    {
        ResourceList("spec.hard", value.Spec?.Hard, errors);
        List<string> scopes = value.Spec?.Scopes ?? [];
        for (int i = 0; i < scopes.Count; i++)
        {
            if (!Scopes.Contains(scopes[i]))
            {
                errors.NotSupported($"spec.scopes[{i}]", scopes[i], Scopes);
            }
        }
        List<ScopedResourceSelectorRequirement> expressions = value.Spec?.ScopeSelector?.MatchExpressions ?? [];
        for (int i = 0; i < expressions.Count; i++)
        {
            ScopedResourceSelectorRequirement requirement = expressions[i];
            string field = $"spec.scopeSelector.matchExpressions[{i}]";
            if (!Scopes.Contains(requirement.ScopeName))
            {
                errors.NotSupported($"{field}.scopeName", requirement.ScopeName, Scopes);
            }
            if (!s_operators.Contains(requirement.Operator))
            {
                errors.NotSupported($"{field}.operator", requirement.Operator, s_operators);
            }
            else if (requirement.Operator is "In" or "NotIn" && (requirement.Values?.Count ?? 0) == 0)
            {
                errors.Required($"{field}.values", "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector");
            }
            else if (requirement.Operator is "Exists" or "DoesNotExist" && (requirement.Values?.Count ?? 0) > 0)
            {
                errors.Invalid($"{field}.values", string.Join(",", requirement.Values!), "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector");
            }
        }
    }

    public override object? GetSpec(ResourceQuota value) => value.Spec;

    public override void CopyStatus(ResourceQuota source, ResourceQuota target) => target.Status = source.Status;

    /// <summary>
    /// kubectl's Request and Limit cells: "resource: used/hard" for every resource of status.hard, sorted, the
    /// "limits.*" ones in Limit and the rest in Request. Quantities print as written.
    /// </summary>
    public override void TableRow(ResourceQuota value, DateTime now, List<object?> cells)
    {
        var request = new StringBuilder();
        var limit = new StringBuilder();
        Dictionary<string, Quantity> used = value.Status?.Used ?? [];
        foreach ((string resource, Quantity hard) in (value.Status?.Hard ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            StringBuilder cell = resource.StartsWith("limits.", StringComparison.Ordinal) ? limit : request;
            if (cell.Length > 0)
            {
                cell.Append(", ");
            }
            string usedText = used.TryGetValue(resource, out Quantity u) ? u.ToString() : "0";
            cell.Append(resource).Append(": ").Append(usedText).Append('/').Append(hard.ToString());
        }
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
        cells.Add(request.ToString());
        cells.Add(limit.ToString());
    }

    /// <summary>Resource names are qualified names; amounts are quantities of at least zero.</summary>
    internal static void ResourceList(string field, Dictionary<string, Quantity>? resources, FieldErrorList errors)
    {
        foreach ((string name, Quantity amount) in resources ?? [])
        {
            NameValidation.QualifiedName($"{field}[{name}]", name, errors);
            if (Quantity.TryParse(amount.Text, out decimal number) && number < 0)
            {
                errors.Invalid($"{field}[{name}]", amount.Text, "must be greater than or equal to 0");
            }
        }
    }
}
