using System.Diagnostics.CodeAnalysis;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Selectors;

public sealed partial class LabelSelectorMatcher
{
    /// <summary>
    /// Compiles a spec's LabelSelector as Kubernetes' LabelSelectorAsSelector does: null selects
    /// <see cref="Nothing"/>, no labels and no expressions select everything, matchLabels become <c>key=value</c>
    /// and matchExpressions use In, NotIn, Exists or DoesNotExist. The first invalid term is the error.
    /// </summary>
    public static bool TryCreate(LabelSelector? selector, [NotNullWhen(true)] out LabelSelectorMatcher? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = null;
        error = null;
        if (selector is null)
        {
            matcher = Nothing;
            return true;
        }
        var requirements = new List<LabelRequirement>();
        // Sorted so that, of several bad labels, the same one is reported every time.
        foreach ((string key, string value) in (selector.MatchLabels ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!LabelRequirement.TryCreate(key, LabelSelectorOperator.Equals, [value], out LabelRequirement? requirement, out error))
            {
                return false;
            }
            requirements.Add(requirement);
        }
        foreach (LabelSelectorRequirement expression in selector.MatchExpressions ?? [])
        {
            LabelSelectorOperator? op = expression.Operator switch
            {
                "In" => LabelSelectorOperator.In,
                "NotIn" => LabelSelectorOperator.NotIn,
                "Exists" => LabelSelectorOperator.Exists,
                "DoesNotExist" => LabelSelectorOperator.DoesNotExist,
                _ => null,
            };
            if (op is null)
            {
                error = $"{SelectorText.Quote(expression.Operator)} is not a valid label selector operator";
                return false;
            }
            if (!LabelRequirement.TryCreate(expression.Key, op.Value, expression.Values, out LabelRequirement? requirement, out error))
            {
                return false;
            }
            requirements.Add(requirement);
        }
        matcher = FromRequirements(requirements);
        return true;
    }
}
