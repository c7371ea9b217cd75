using System.Diagnostics.CodeAnalysis;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// A list's or watch's labelSelector and fieldSelector over one kind. metadata.name and metadata.namespace are
/// selectable on every kind; other fields only where the kind's strategy names them (others are a 400, as in
/// Kubernetes). <see cref="SingleName"/> lets a <c>metadata.name=x</c> list read one key instead of scanning.
/// </summary>
public sealed class ObjectFilter<T> where T : class, IKubernetesObject, new()
{
    private readonly ResourceStrategy<T> _strategy;
    private readonly LabelSelectorMatcher _labels;
    private readonly FieldSelectorMatcher _fields;

    private ObjectFilter(ResourceStrategy<T> strategy, LabelSelectorMatcher labels, FieldSelectorMatcher fields)
    {
        _strategy = strategy;
        _labels = labels;
        _fields = fields;
        SingleName = fields.Requirements.Count == 1 && fields.Requirements[0] is { Field: "metadata.name", Operator: FieldSelectorOperator.Equals } only
            ? only.Value
            : null;
    }

    public bool IsEverything => _labels.IsEmpty && _fields.IsEmpty;

    /// <summary>The one name selected by <c>metadata.name=x</c>, or null.</summary>
    public string? SingleName { get; }

    internal static bool TryCreate(ResourceDescriptor<T> descriptor, ListOptions options, [NotNullWhen(true)] out ObjectFilter<T>? filter, [NotNullWhen(false)] out Status? error)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(options);
        filter = null;
        error = null;
        if (!LabelSelectorMatcher.TryParse(options.LabelSelector, out LabelSelectorMatcher? labels, out string? labelError))
        {
            error = ApiStatus.BadRequest($"unable to parse requirement: {labelError}");
            return false;
        }
        if (!FieldSelectorMatcher.TryParse(options.FieldSelector, out FieldSelectorMatcher? fields, out string? fieldError))
        {
            error = ApiStatus.BadRequest(fieldError);
            return false;
        }
        var probe = new T();
        foreach (string field in fields.FieldNames)
        {
            if (field is not ("metadata.name" or "metadata.namespace") && !descriptor.Strategy.TryGetField(probe, field, out _))
            {
                error = ApiStatus.BadRequest($"field label not supported: {field}");
                return false;
            }
        }
        filter = new ObjectFilter<T>(descriptor.Strategy, labels, fields);
        return true;
    }

    public bool Matches(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _labels.Matches(value.Metadata.Labels) && (_fields.IsEmpty || _fields.Matches(field => Field(value, field)));
    }

    private string? Field(T value, string field) => field switch
    {
        "metadata.name" => value.Metadata.Name ?? "",
        "metadata.namespace" => value.Metadata.Namespace ?? "",
        _ => _strategy.TryGetField(value, field, out string? found) ? found ?? "" : null,
    };
}
