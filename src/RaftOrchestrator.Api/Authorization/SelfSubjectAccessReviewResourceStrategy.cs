using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Authorization;

/// <summary>
/// Access reviews are answered, not stored: a request names exactly one attribute set and carries no metadata of
/// its own; the server fills the status.
/// </summary>
public sealed class SelfSubjectAccessReviewResourceStrategy : ResourceStrategy<SelfSubjectAccessReview>
{
    public override void PrepareForCreate(SelfSubjectAccessReview value) => value.Status = null;

    public override void Validate(SelfSubjectAccessReview value, FieldErrorList errors)
    {
        SelfSubjectAccessReviewSpec spec = value.Spec;
        if (spec.ResourceAttributes is null && spec.NonResourceAttributes is null)
        {
            errors.Required("spec.resourceAttributes", "exactly one of nonResourceAttributes or resourceAttributes must be specified");
        }
        else if (spec.ResourceAttributes is not null && spec.NonResourceAttributes is not null)
        {
            errors.Invalid("spec.nonResourceAttributes", "", "cannot be specified in combination with resourceAttributes");
        }
        if (!IsEmpty(value.Metadata))
        {
            errors.Invalid("metadata", value.Metadata.Name ?? value.Metadata.GenerateName ?? "", "must be empty");
        }
    }

    /// <summary>
    /// Kubernetes wants the whole metadata empty. Only what a client sets is checked here, so the check holds
    /// whether or not the server has already stamped its own fields (uid, creationTimestamp).
    /// </summary>
    internal static bool IsEmpty(ObjectMeta meta) =>
        string.IsNullOrEmpty(meta.Name) && string.IsNullOrEmpty(meta.GenerateName) && string.IsNullOrEmpty(meta.Namespace)
        && (meta.Labels?.Count ?? 0) == 0 && (meta.Annotations?.Count ?? 0) == 0
        && (meta.OwnerReferences?.Count ?? 0) == 0 && (meta.Finalizers?.Count ?? 0) == 0;
}
