using System.Globalization;
using System.Text;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// The label selector rules the workload strategies need: matching a template's labels, checking a selector's
/// shape, and printing it the way Kubernetes' labels.Selector String does ("app=web,tier in (a,b),!canary"):
/// requirements sorted by key, matchLabels as equality, In/NotIn values sorted.
/// </summary>
internal static class WorkloadSelector
{
    public static bool IsEmpty(LabelSelector? selector) =>
        selector is null || ((selector.MatchLabels?.Count ?? 0) == 0 && (selector.MatchExpressions?.Count ?? 0) == 0);

    /// <summary>True when every requirement holds; an empty selector matches everything.</summary>
    public static bool Matches(LabelSelector selector, IReadOnlyDictionary<string, string>? labels)
    {
        labels ??= new Dictionary<string, string>();
        foreach ((string key, string value) in selector.MatchLabels ?? [])
        {
            if (!labels.TryGetValue(key, out string? actual) || actual != value)
            {
                return false;
            }
        }
        foreach (LabelSelectorRequirement requirement in selector.MatchExpressions ?? [])
        {
            bool has = labels.TryGetValue(requirement.Key, out string? actual);
            bool holds = requirement.Operator switch
            {
                "In" => has && (requirement.Values?.Contains(actual!) ?? false),
                "NotIn" => !has || !(requirement.Values?.Contains(actual!) ?? false),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!holds)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>An equality selector (ReplicationController): every pair must be present.</summary>
    public static bool Matches(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string>? labels) =>
        selector.All(pair => labels is not null && labels.TryGetValue(pair.Key, out string? actual) && actual == pair.Value);

    /// <summary>The selector string ("" for an empty or absent selector).</summary>
    public static string Format(LabelSelector? selector)
    {
        if (selector is null)
        {
            return "";
        }
        var requirements = new List<(string Key, string Text)>();
        foreach ((string key, string value) in selector.MatchLabels ?? [])
        {
            requirements.Add((key, key + "=" + value));
        }
        foreach (LabelSelectorRequirement r in selector.MatchExpressions ?? [])
        {
            string values = string.Join(",", (r.Values ?? []).Order(StringComparer.Ordinal));
            requirements.Add((r.Key, r.Operator switch
            {
                "In" => $"{r.Key} in ({values})",
                "NotIn" => $"{r.Key} notin ({values})",
                "DoesNotExist" => "!" + r.Key,
                _ => r.Key,
            }));
        }
        return string.Join(",", requirements.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Text));
    }

    /// <summary>An equality selector's string: "k=v" pairs sorted by key, "" when empty.</summary>
    public static string Format(IReadOnlyDictionary<string, string>? selector) =>
        selector is null ? "" : string.Join(",", selector.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

    /// <summary>A map as Go's %#v prints it in a field error (<c>map[string]string{"app":"web"}</c>), keys sorted.</summary>
    public static string GoMap(IReadOnlyDictionary<string, string>? map)
    {
        if (map is null)
        {
            return "map[string]string(nil)";
        }
        var text = new StringBuilder("map[string]string{");
        bool first = true;
        foreach ((string key, string value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(first ? "" : ", ").Append(CultureInfo.InvariantCulture, $"\"{key}\":\"{value}\"");
            first = false;
        }
        return text.Append('}').ToString();
    }

    /// <summary>meta/v1 ValidateLabelSelector: label pairs, operators and their values.</summary>
    public static void Validate(LabelSelector selector, string field, FieldErrorList errors)
    {
        ObjectMetaValidation.Labels($"{field}.matchLabels", selector.MatchLabels, errors);
        for (int i = 0; i < (selector.MatchExpressions?.Count ?? 0); i++)
        {
            LabelSelectorRequirement r = selector.MatchExpressions![i];
            string path = $"{field}.matchExpressions[{i}]";
            int values = r.Values?.Count ?? 0;
            switch (r.Operator)
            {
                case "In" or "NotIn" when values == 0:
                    errors.Required($"{path}.values", "must be specified when `operator` is 'In' or 'NotIn'");
                    break;
                case "Exists" or "DoesNotExist" when values > 0:
                    errors.Forbidden($"{path}.values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    errors.Invalid($"{path}.operator", r.Operator, "not a valid selector operator");
                    break;
            }
            NameValidation.QualifiedName($"{path}.key", r.Key, errors);
        }
    }
}
