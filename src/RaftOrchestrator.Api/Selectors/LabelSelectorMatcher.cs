using System.Diagnostics.CodeAnalysis;

namespace RaftOrchestrator.Api.Selectors;

/// <summary>
/// A compiled label selector: requirements ANDed, sorted by key (so the string form is deterministic).
/// <see cref="Empty"/> matches every object; <see cref="Nothing"/> matches none (a null LabelSelector in a spec).
/// Immutable, so one instance can be shared by every watcher that asked for the same selector.
/// </summary>
public sealed partial class LabelSelectorMatcher
{
    private readonly LabelRequirement[] _requirements;
    private readonly bool _nothing;

    private LabelSelectorMatcher(LabelRequirement[] requirements, bool nothing)
    {
        _requirements = requirements;
        _nothing = nothing;
    }

    public static LabelSelectorMatcher Empty { get; } = new([], nothing: false);

    public static LabelSelectorMatcher Nothing { get; } = new([], nothing: true);

    public IReadOnlyList<LabelRequirement> Requirements => _requirements;

    /// <summary>True for a selector that restricts nothing (<see cref="Nothing"/> is not empty).</summary>
    public bool IsEmpty => !_nothing && _requirements.Length == 0;

    public bool IsNothing => _nothing;

    /// <summary>Parses the string form (a <c>labelSelector</c> query parameter); null or blank is <see cref="Empty"/>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LabelSelectorMatcher? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = null;
        if (!LabelSelectorParser.TryParse(text ?? "", out List<LabelRequirement>? requirements, out error))
        {
            return false;
        }
        matcher = FromRequirements(requirements);
        return true;
    }

    /// <summary>A selector of <c>key=value</c> for each entry, unvalidated (as SelectorFromValidatedSet): for labels already checked.</summary>
    public static LabelSelectorMatcher FromSet(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return Empty;
        }
        var requirements = new List<LabelRequirement>(labels.Count);
        foreach ((string key, string value) in labels)
        {
            if (LabelRequirement.TryCreate(key, LabelSelectorOperator.Equals, [value], out LabelRequirement? requirement, out _))
            {
                requirements.Add(requirement);
            }
        }
        return FromRequirements(requirements);
    }

    /// <summary>Every requirement holds; for <see cref="Nothing"/>, never.</summary>
    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        if (_nothing)
        {
            return false;
        }
        foreach (LabelRequirement requirement in _requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The form Kubernetes prints, e.g. <c>app=web,tier in (a,b)</c>; "" for <see cref="Empty"/> and <see cref="Nothing"/>.</summary>
    public override string ToString() => string.Join(',', _requirements.Select(r => r.ToString()));

    internal static LabelSelectorMatcher FromRequirements(IEnumerable<LabelRequirement> requirements)
    {
        LabelRequirement[] sorted = requirements.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray();
        return sorted.Length == 0 ? Empty : new LabelSelectorMatcher(sorted, nothing: false);
    }
}
