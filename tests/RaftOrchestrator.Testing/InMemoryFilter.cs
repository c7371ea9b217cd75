using System.Diagnostics.CodeAnalysis;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Testing;

/// <summary>
/// A list's or watch's scope: the namespace, the labelSelector, and the fieldSelector, with the server's rules:
/// metadata.name and metadata.namespace on every kind, other fields where the kind's strategy names them
/// (spec.nodeName, status.phase for pods), anything else a 400.
/// </summary>
internal sealed class InMemoryFilter<T> where T : class, IKubernetesObject, new()
{
    private readonly ResourceStrategy<T> _strategy;
    private readonly string? _namespace;
    private readonly LabelSelectorMatcher _labels;
    private readonly FieldSelectorMatcher _fields;

    private InMemoryFilter(ResourceStrategy<T> strategy, string? ns, LabelSelectorMatcher labels, FieldSelectorMatcher fields)
    {
        _strategy = strategy;
        _namespace = ns;
        _labels = labels;
        _fields = fields;
    }

    /// <summary>True when only the namespace restricts (a list's remainingItemCount is only known then).</summary>
    public bool IsEverything => _labels.IsEmpty && _fields.IsEmpty;

    public static bool TryCreate(ResourceDescriptor<T> descriptor, string? ns, string? labelSelector, string? fieldSelector,
        [NotNullWhen(true)] out InMemoryFilter<T>? filter, [NotNullWhen(false)] out Status? error)
    {
        filter = null;
        error = null;
        if (!LabelSelectorMatcher.TryParse(labelSelector, out LabelSelectorMatcher? labels, out string? labelError))
        {
            error = InMemoryStatus.BadRequest($"unable to parse requirement: {labelError}");
            return false;
        }
        if (!FieldSelectorMatcher.TryParse(fieldSelector, out FieldSelectorMatcher? fields, out string? fieldError))
        {
            error = InMemoryStatus.BadRequest(fieldError);
            return false;
        }
        var probe = new T();
        foreach (string field in fields.FieldNames)
        {
            if (field is not ("metadata.name" or "metadata.namespace") && !descriptor.Strategy.TryGetField(probe, field, out _))
            {
                error = InMemoryStatus.BadRequest($"field label not supported: {field}");
                return false;
            }
        }
        filter = new InMemoryFilter<T>(descriptor.Strategy, descriptor.Namespaced ? ns : null, labels, fields);
        return true;
    }

    public bool Matches(T value) =>
        (_namespace is null || value.Metadata.Namespace == _namespace)
        && _labels.Matches(value.Metadata.Labels)
        && (_fields.IsEmpty || _fields.Matches(field => Field(value, field)));

    private string? Field(T value, string field) => field switch
    {
        "metadata.name" => value.Metadata.Name ?? "",
        "metadata.namespace" => value.Metadata.Namespace ?? "",
        _ => _strategy.TryGetField(value, field, out string? found) ? found ?? "" : null,
    };
}
