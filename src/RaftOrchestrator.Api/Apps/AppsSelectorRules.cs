using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Apps;

/// <summary>The apps/v1 selector rules Deployment and ReplicaSet share: required, non-empty, valid, immutable.</summary>
internal static class AppsSelectorRules
{
    /// <summary>Checks the selector and the template against it; <paramref name="kind"/> words the messages ("deployment").</summary>
    public static void ValidateSelectorAndTemplate(LabelSelector? selector, PodTemplateSpec template, string kind, string templateKind, FieldErrorList errors)
    {
        Func<IReadOnlyDictionary<string, string>?, bool>? matches = null;
        if (selector is null)
        {
            errors.Required("spec.selector");
        }
        else
        {
            int before = errors.Count;
            WorkloadSelector.Validate(selector, "spec.selector", errors);
            if (WorkloadSelector.IsEmpty(selector))
            {
                errors.Invalid("spec.selector", WorkloadSelector.Format(selector), $"empty selector is invalid for {kind}");
            }
            else if (errors.Count == before)
            {
                matches = labels => WorkloadSelector.Matches(selector, labels);
            }
        }
        PodTemplateRules.Validate(template, matches, templateKind, "spec.template", errors);
    }

    public static void ValidateImmutable(LabelSelector? selector, LabelSelector? old, FieldErrorList errors)
    {
        if (WorkloadSelector.Format(selector) != WorkloadSelector.Format(old) || (selector is null) != (old is null))
        {
            errors.Immutable("spec.selector", WorkloadSelector.Format(selector));
        }
    }

    public static string TableSelector(LabelSelector? selector)
    {
        string text = WorkloadSelector.Format(selector);
        return text.Length == 0 ? "<none>" : text;
    }
}
