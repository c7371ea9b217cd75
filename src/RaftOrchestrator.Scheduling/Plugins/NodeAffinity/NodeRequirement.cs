using System.Globalization;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Scheduling.Plugins.NodeAffinity;

/// <summary>
/// One compiled NodeSelectorRequirement (a label expression, or a field expression on metadata.name). Gt/Lt
/// values are parsed once here; an invalid requirement (unknown operator, Gt without one integer) matches nothing.
/// </summary>
internal sealed class NodeRequirement
{
    public const string NodeNameField = "metadata.name";

    private readonly string _key;
    private readonly string _op;
    private readonly HashSet<string> _values;
    private readonly long _bound;
    private readonly bool _valid;
    private readonly bool _field;

    public NodeRequirement(NodeSelectorRequirement requirement, bool field)
    {
        _key = requirement.Key;
        _op = requirement.Operator;
        _field = field;
        _values = new HashSet<string>(requirement.Values ?? [], StringComparer.Ordinal);
        _valid = (field, _op) switch
        {
            (true, "In" or "NotIn") => _key == NodeNameField,
            (true, _) => false,
            (false, "In" or "NotIn" or "Exists" or "DoesNotExist") => true,
            (false, "Gt" or "Lt") => _values.Count == 1 && long.TryParse(_values.First(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _bound),
            _ => false,
        };
    }

    public string Key => _key;

    public bool IsField => _field;

    /// <summary>For a metadata.name In requirement, the names it allows; otherwise null.</summary>
    public IReadOnlySet<string>? NodeNamesIn => _field && _valid && _op == "In" ? _values : null;

    public bool Matches(string nodeName, IReadOnlyDictionary<string, string> labels)
    {
        if (!_valid)
        {
            return false;
        }
        if (_field)
        {
            bool inSet = _values.Contains(nodeName);
            return _op == "In" ? inSet : !inSet;
        }
        bool has = labels.TryGetValue(_key, out string? value);
        switch (_op)
        {
            case "In":
                return has && _values.Contains(value!);
            case "NotIn":
                return !has || !_values.Contains(value!);
            case "Exists":
                return has;
            case "DoesNotExist":
                return !has;
            default:
                if (!has || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
                {
                    return false;
                }
                return _op == "Gt" ? v > _bound : v < _bound;
        }
    }
}
