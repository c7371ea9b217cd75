using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// What the controllers of pods (ReplicationController, ReplicaSet, Deployment) share about their pod template:
/// its defaulting, its validation (Kubernetes' ValidatePodTemplateSpecForReplicaSet and ...ForRC) and the
/// Containers/Images cells of their wide tables.
/// </summary>
public static class PodTemplateRules
{
    private static readonly string[] s_always = ["Always"];

    public static void ApplyDefaults(PodTemplateSpec? template)
    {
        if (template is not null)
        {
            PodDefaults.ApplySpec(template.Spec);
        }
    }

    /// <summary>
    /// Checks a controller's template at <paramref name="path"/> ("spec.template"). <paramref name="matches"/> tells
    /// whether the (non-empty) selector selects the template's labels, or is null when the selector is empty or
    /// invalid: that is reported on the selector instead. <paramref name="kind"/> words the activeDeadlineSeconds error.
    /// </summary>
    public static void Validate(PodTemplateSpec? template, Func<IReadOnlyDictionary<string, string>?, bool>? matches, string kind, string path, FieldErrorList errors)
    {
        if (template is null)
        {
            errors.Required(path);
            return;
        }
        Dictionary<string, string>? labels = template.Metadata.Labels;
        if (matches is not null && !matches(labels))
        {
            errors.Add(new FieldError("FieldValueInvalid", $"{path}.metadata.labels",
                $"Invalid value: {WorkloadSelector.GoMap(labels)}: `selector` does not match template `labels`"));
        }
        ObjectMetaValidation.Labels($"{path}.metadata.labels", labels, errors);
        PodSpecValidation.Validate(template.Spec, $"{path}.spec", errors);
        // A controller replaces pods that stop; a pod that may finish would be recreated forever.
        if (!string.IsNullOrEmpty(template.Spec.RestartPolicy) && template.Spec.RestartPolicy != "Always")
        {
            errors.NotSupported($"{path}.spec.restartPolicy", template.Spec.RestartPolicy, s_always);
        }
        if (template.Spec.ActiveDeadlineSeconds is { } deadline)
        {
            errors.Invalid($"{path}.spec.activeDeadlineSeconds", deadline, $"activeDeadlineSeconds in {kind} is not Supported");
        }
    }

    public static void NonNegative(string field, long? value, FieldErrorList errors)
    {
        if (value < 0)
        {
            errors.Invalid(field, value, "must be greater than or equal to 0");
        }
    }

    public static string Containers(PodTemplateSpec? template) =>
        TableFormat.JoinOrNone(template?.Spec.Containers.Select(c => c.Name));

    public static string Images(PodTemplateSpec? template) =>
        TableFormat.JoinOrNone(template?.Spec.Containers.Select(c => c.Image ?? ""));

    public static IReadOnlyList<TableColumn> WideColumns { get; } =
    [
        TableColumn.Text("Containers", "Names of each container in the template.", priority: 1),
        TableColumn.Text("Images", "Images referenced by each container in the template.", priority: 1),
        TableColumn.Text("Selector", "Label selector for pods.", priority: 1),
    ];
}
