using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Validation;

/// <summary>Validation of metadata shared by every kind (apimachinery ValidateObjectMeta).</summary>
public static class ObjectMetaValidation
{
    private const int MaxAnnotationBytes = 256 * 1024;

    /// <summary>
    /// Checks a new or updated object's metadata. <paramref name="nameRule"/> is the kind's name grammar (most kinds:
    /// DNS-1123 subdomain; namespaces and services: labels). A generateName is checked by the same rule once a
    /// suffix is added, so only its prefix is checked here.
    /// </summary>
    public static void Validate(ObjectMeta meta, bool namespaced, Action<string, string?, FieldErrorList> nameRule, FieldErrorList errors)
    {
        if (string.IsNullOrEmpty(meta.Name))
        {
            if (string.IsNullOrEmpty(meta.GenerateName))
            {
                errors.Required("metadata.name", "name or generateName is required");
            }
            else
            {
                nameRule("metadata.generateName", meta.GenerateName.TrimEnd('-') + "x", errors);
            }
        }
        else
        {
            nameRule("metadata.name", meta.Name, errors);
        }
        if (namespaced)
        {
            if (string.IsNullOrEmpty(meta.Namespace))
            {
                errors.Required("metadata.namespace");
            }
            else
            {
                NameValidation.Dns1123Label("metadata.namespace", meta.Namespace, errors);
            }
        }
        else if (!string.IsNullOrEmpty(meta.Namespace))
        {
            errors.Forbidden("metadata.namespace", "not allowed on this type");
        }
        Labels("metadata.labels", meta.Labels, errors);
        Annotations(meta.Annotations, errors);
        OwnerReferences(meta.OwnerReferences, errors);
        foreach (string finalizer in meta.Finalizers ?? [])
        {
            if (NameValidation.QualifiedNameProblem(finalizer) is { } problem)
            {
                errors.Invalid("metadata.finalizers", finalizer, problem);
            }
        }
        if (meta.Generation < 0)
        {
            errors.Invalid("metadata.generation", meta.Generation, "must be greater than or equal to 0");
        }
    }

    /// <summary>What an update may not change: name, namespace, uid, creation time (the server restores the latter two).</summary>
    public static void ValidateUpdate(ObjectMeta meta, ObjectMeta old, FieldErrorList errors)
    {
        if (meta.Name != old.Name)
        {
            errors.Immutable("metadata.name", meta.Name);
        }
        if ((meta.Namespace ?? "") != (old.Namespace ?? ""))
        {
            errors.Immutable("metadata.namespace", meta.Namespace);
        }
        if (!string.IsNullOrEmpty(meta.Uid) && meta.Uid != old.Uid)
        {
            errors.Immutable("metadata.uid", meta.Uid);
        }
    }

    public static void Labels(string field, IReadOnlyDictionary<string, string>? labels, FieldErrorList errors)
    {
        foreach ((string key, string value) in labels ?? new Dictionary<string, string>())
        {
            if (NameValidation.QualifiedNameProblem(key) is { } problem)
            {
                errors.Invalid(field, key, problem);
            }
            NameValidation.LabelValue($"{field}", value, errors);
        }
    }

    private static void Annotations(IReadOnlyDictionary<string, string>? annotations, FieldErrorList errors)
    {
        long total = 0;
        foreach ((string key, string value) in annotations ?? new Dictionary<string, string>())
        {
            if (NameValidation.QualifiedNameProblem(key.ToLowerInvariant()) is { } problem)
            {
                errors.Invalid("metadata.annotations", key, problem);
            }
            total += key.Length + value.Length;
        }
        if (total > MaxAnnotationBytes)
        {
            errors.TooLong("metadata.annotations", MaxAnnotationBytes);
        }
    }

    private static void OwnerReferences(List<OwnerReference>? owners, FieldErrorList errors)
    {
        int controllers = 0;
        for (int i = 0; i < (owners?.Count ?? 0); i++)
        {
            OwnerReference owner = owners![i];
            string field = $"metadata.ownerReferences[{i}]";
            if (owner.ApiVersion.Length == 0)
            {
                errors.Invalid($"{field}.apiVersion", owner.ApiVersion, "version must not be empty");
            }
            if (owner.Kind.Length == 0)
            {
                errors.Invalid($"{field}.kind", owner.Kind, "kind must not be empty");
            }
            if (owner.Name.Length == 0)
            {
                errors.Invalid($"{field}.name", owner.Name, "name must not be empty");
            }
            if (owner.Uid.Length == 0)
            {
                errors.Invalid($"{field}.uid", owner.Uid, "uid must not be empty");
            }
            if (owner.Controller == true)
            {
                controllers++;
            }
        }
        if (controllers > 1)
        {
            errors.Invalid("metadata.ownerReferences", null, "Only one reference can have Controller set to true");
        }
    }
}
