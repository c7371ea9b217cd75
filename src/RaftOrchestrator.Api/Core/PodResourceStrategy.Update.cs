using MessagePack;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

public sealed partial class PodResourceStrategy
{
    private const string UpdatableFields =
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,"
        + "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
        + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    /// <summary>
    /// A pod's spec is immutable but for the fields <see cref="UpdatableFields"/> names. The check is Kubernetes':
    /// copy the allowed fields from the old spec onto a copy of the new one, and anything still different is a
    /// forbidden change. (Kubernetes appends a diff of the two specs to the message; we do not.)
    /// </summary>
    public override void ValidateUpdate(Pod value, Pod old, FieldErrorList errors)
    {
        Validate(value, errors);
        PodSpec spec = value.Spec, before = old.Spec;
        if (spec.ActiveDeadlineSeconds is { } deadline)
        {
            if (before.ActiveDeadlineSeconds is { } previous && deadline > previous)
            {
                errors.Invalid("spec.activeDeadlineSeconds", deadline, "must be less than or equal to previous value");
            }
        }
        else if (before.ActiveDeadlineSeconds is not null)
        {
            errors.Invalid("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value");
        }
        if (!OnlyAddedTolerations(spec.Tolerations, before.Tolerations))
        {
            errors.Forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds");
        }

        PodSpec munged = Clone(spec);
        CopyImages(munged.Containers, before.Containers);
        CopyImages(munged.InitContainers, before.InitContainers);
        munged.ActiveDeadlineSeconds = before.ActiveDeadlineSeconds;
        munged.Tolerations = before.Tolerations;
        if (before.TerminationGracePeriodSeconds < 0 && spec.TerminationGracePeriodSeconds == 1)
        {
            munged.TerminationGracePeriodSeconds = before.TerminationGracePeriodSeconds;
        }
        if (!Encode(munged).AsSpan().SequenceEqual(Encode(before)))
        {
            errors.Forbidden("spec", UpdatableFields);
        }
    }

    /// <summary>Every old toleration must still be there, equal but for tolerationSeconds.</summary>
    private static bool OnlyAddedTolerations(List<Toleration>? now, List<Toleration>? before) =>
        (before ?? []).All(o => (now ?? []).Any(n =>
            n.Key == o.Key && n.Operator == o.Operator && n.Value == o.Value && n.Effect == o.Effect));

    private static void CopyImages(List<Container>? target, List<Container>? source)
    {
        for (int i = 0; i < Math.Min(target?.Count ?? 0, source?.Count ?? 0); i++)
        {
            target![i].Image = source![i].Image;
        }
    }

    private static byte[] Encode(PodSpec spec) => MessagePackSerializer.Serialize(spec, ApiMessagePack.Options);

    private static PodSpec Clone(PodSpec spec) => MessagePackSerializer.Deserialize<PodSpec>(Encode(spec), ApiMessagePack.Options);
}
