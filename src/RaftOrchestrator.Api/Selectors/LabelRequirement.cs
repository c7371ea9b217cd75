using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace RaftOrchestrator.Api.Selectors;

/// <summary>
/// One term of a label selector: a key, an operator and its values. Built only through <see cref="TryCreate"/>,
/// so every instance has a valid key, valid values and the value count its operator needs.
/// </summary>
public sealed class LabelRequirement : IEquatable<LabelRequirement>
{
    private LabelRequirement(string key, LabelSelectorOperator op, string[] values)
    {
        Key = key;
        Operator = op;
        Values = values;
    }

    public string Key { get; }

    public LabelSelectorOperator Operator { get; }

    /// <summary>In the order given (the parser gives them sorted and without duplicates).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// Checks a requirement as Kubernetes' NewRequirement does and words its failures the same way, e.g.
    /// <c>values[0][app]: Invalid value: "-x": a valid label must be ...</c>. <paramref name="keyPath"/> is the field
    /// path the key's failure is reported at ("key" for a LabelSelector, "&lt;nil&gt;" for a parsed string).
    /// </summary>
    public static bool TryCreate(string key, LabelSelectorOperator op, IEnumerable<string>? values,
        [NotNullWhen(true)] out LabelRequirement? requirement, [NotNullWhen(false)] out string? error,
        string keyPath = "key")
    {
        string[] vals = values?.ToArray() ?? [];
        var errors = new List<string>();
        if (SelectorText.LabelKeyProblem(key, keyPath) is { } keyProblem)
        {
            errors.Add(keyProblem);
        }
        if (!Enum.IsDefined(op))
        {
            errors.Add($"operator: Unsupported value: \"{op}\": supported values: \"in\", \"notin\", \"=\", \"==\", \"!=\", \"gt\", \"lt\", \"exists\", \"!\"");
        }
        switch (op)
        {
            case LabelSelectorOperator.In or LabelSelectorOperator.NotIn when vals.Length == 0:
                errors.Add($"values: Invalid value: {SelectorText.JsonList(vals)}: for 'in', 'notin' operators, values set can't be empty");
                break;
            case LabelSelectorOperator.Equals or LabelSelectorOperator.DoubleEquals or LabelSelectorOperator.NotEquals
                when vals.Length != 1:
                errors.Add($"values: Invalid value: {SelectorText.JsonList(vals)}: exact-match compatibility requires one single value");
                break;
            case LabelSelectorOperator.Exists or LabelSelectorOperator.DoesNotExist when vals.Length != 0:
                errors.Add($"values: Invalid value: {SelectorText.JsonList(vals)}: values set must be empty for exists and does not exist");
                break;
            case LabelSelectorOperator.GreaterThan or LabelSelectorOperator.LessThan:
                if (vals.Length != 1)
                {
                    errors.Add($"values: Invalid value: {SelectorText.JsonList(vals)}: for 'Gt', 'Lt' operators, exactly one value is required");
                }
                for (int i = 0; i < vals.Length; i++)
                {
                    if (!TryParseInt(vals[i], out _))
                    {
                        errors.Add($"values[{i.ToString(CultureInfo.InvariantCulture)}]: Invalid value: {SelectorText.Quote(vals[i])}: for 'Gt', 'Lt' operators, the value must be an integer");
                    }
                }
                break;
        }
        for (int i = 0; i < vals.Length; i++)
        {
            if (SelectorText.LabelValueProblem(vals[i]) is { } valueProblem)
            {
                errors.Add($"values[{i.ToString(CultureInfo.InvariantCulture)}][{key}]: Invalid value: {SelectorText.Quote(vals[i])}: {valueProblem}");
            }
        }
        if (errors.Count > 0)
        {
            requirement = null;
            error = SelectorText.Aggregate(errors);
            return false;
        }
        requirement = new LabelRequirement(key, op, vals);
        error = null;
        return true;
    }

    public bool Matches(IReadOnlyDictionary<string, string>? labels)
    {
        string? value = null;
        bool has = labels is not null && labels.TryGetValue(Key, out value);
        switch (Operator)
        {
            case LabelSelectorOperator.In or LabelSelectorOperator.Equals or LabelSelectorOperator.DoubleEquals:
                return has && Values.Contains(value!, StringComparer.Ordinal);
            case LabelSelectorOperator.NotIn or LabelSelectorOperator.NotEquals:
                return !has || !Values.Contains(value!, StringComparer.Ordinal);
            case LabelSelectorOperator.Exists:
                return has;
            case LabelSelectorOperator.DoesNotExist:
                return !has;
            default:
                // A label that is not an integer matches neither gt nor lt.
                if (!has || !TryParseInt(value!, out long actual) || !TryParseInt(Values[0], out long bound))
                {
                    return false;
                }
                return Operator == LabelSelectorOperator.GreaterThan ? actual > bound : actual < bound;
        }
    }

    /// <summary>The string form Kubernetes prints: <c>!a</c>, <c>a=b</c>, <c>a in (x,y)</c> (set values sorted).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Operator == LabelSelectorOperator.DoesNotExist)
        {
            sb.Append('!');
        }
        sb.Append(Key);
        string? op = Operator switch
        {
            LabelSelectorOperator.Equals => "=",
            LabelSelectorOperator.DoubleEquals => "==",
            LabelSelectorOperator.NotEquals => "!=",
            LabelSelectorOperator.In => " in (",
            LabelSelectorOperator.NotIn => " notin (",
            LabelSelectorOperator.GreaterThan => ">",
            LabelSelectorOperator.LessThan => "<",
            _ => null,
        };
        if (op is null)
        {
            return sb.ToString();
        }
        sb.Append(op);
        sb.AppendJoin(',', Values.Order(StringComparer.Ordinal));
        if (Operator is LabelSelectorOperator.In or LabelSelectorOperator.NotIn)
        {
            sb.Append(')');
        }
        return sb.ToString();
    }

    public bool Equals(LabelRequirement? other) =>
        other is not null && Key == other.Key && Operator == other.Operator && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as LabelRequirement);

    public override int GetHashCode() => HashCode.Combine(Key, Operator, Values.Count);

    // strconv.ParseInt(s, 10, 64): optional sign, decimal digits only.
    private static bool TryParseInt(string s, out long value) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
