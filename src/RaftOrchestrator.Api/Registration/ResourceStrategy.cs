using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Registration;

/// <summary>
/// What the API server needs to know about one kind beyond its names (the registry strategy of Kubernetes):
/// defaulting, validation, how spec and status are split, the table it prints and the fields it can be selected by.
/// The server calls, in order: <see cref="ApplyDefaults"/>, then <see cref="PrepareForCreate"/> or
/// <see cref="PrepareForUpdate"/>, then <see cref="Validate"/> or <see cref="ValidateUpdate"/>. Generic metadata
/// (name, namespace, labels, ownerReferences) is validated by the server; strategies validate the rest.
/// </summary>
public abstract class ResourceStrategy<T> where T : class, IKubernetesObject
{
    /// <summary>
    /// The kind's name grammar, which the server passes to <see cref="ObjectMetaValidation.Validate"/>: a DNS-1123
    /// subdomain for most kinds; namespaces are DNS-1123 labels and services DNS-1035 labels.
    /// </summary>
    public virtual Action<string, string?, FieldErrorList> NameRule => NameValidation.Dns1123Subdomain;

    /// <summary>Fills defaults in place, on create and on every update (Kubernetes' defaulting funcs).</summary>
    public virtual void ApplyDefaults(T value)
    {
    }

    /// <summary>On create: clear what a client may not set (usually status).</summary>
    public virtual void PrepareForCreate(T value)
    {
    }

    /// <summary>On an update of the main resource: a kind with a status subresource keeps the old status.</summary>
    public virtual void PrepareForUpdate(T value, T old)
    {
        if (HasStatusSubresource)
        {
            CopyStatus(old, value);
        }
    }

    public virtual void Validate(T value, FieldErrorList errors)
    {
    }

    /// <summary>Checks an update: by default the new object's own validity; override to add immutable fields.</summary>
    public virtual void ValidateUpdate(T value, T old, FieldErrorList errors) => Validate(value, errors);

    /// <summary>The spec, whose change bumps metadata.generation; null for kinds without a spec (no generation).</summary>
    public virtual object? GetSpec(T value) => null;

    public virtual bool HasStatusSubresource => false;

    /// <summary>Copies status from one object to another (status subresource writes copy the other way: spec stays).</summary>
    public virtual void CopyStatus(T source, T target)
    {
    }

    /// <summary>Scale subresource access, for kinds that have one.</summary>
    public virtual ScaleAccess<T>? Scale => null;

    /// <summary>
    /// Whether the table starts with <see cref="TableColumn.ObjectName"/>. kubectl's event table has no leading
    /// Name (its Name is a wide column, listed in <see cref="Columns"/>), so events turn it off.
    /// </summary>
    public virtual bool LeadingNameColumn => true;

    /// <summary>The table columns after Name; <see cref="TableRow"/> writes the cells in the same order.</summary>
    public virtual IReadOnlyList<TableColumn> Columns { get; } = [TableColumn.Age];

    /// <summary>Appends this object's cells (after its name) for the columns of <see cref="Columns"/>.</summary>
    public virtual void TableRow(T value, DateTime now, List<object?> cells) =>
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));

    /// <summary>
    /// The value of a field selector label (metadata.name and metadata.namespace are handled before this). False
    /// when the kind does not support the label: the server answers 400.
    /// </summary>
    public virtual bool TryGetField(T value, string field, out string? fieldValue)
    {
        fieldValue = null;
        return false;
    }
}
