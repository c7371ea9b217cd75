using System.Text;

namespace RaftOrchestrator.Api.Selectors;

/// <summary>One term of a field selector, with its value unescaped.</summary>
public sealed record FieldRequirement(string Field, FieldSelectorOperator Operator, string Value)
{
    /// <summary>A field the object lacks reads as "" (so <c>spec.nodeName=</c> selects unscheduled pods).</summary>
    public bool Matches(Func<string, string?> getField)
    {
        ArgumentNullException.ThrowIfNull(getField);
        bool equal = (getField(Field) ?? "") == Value;
        return Operator == FieldSelectorOperator.Equals ? equal : !equal;
    }

    /// <summary><c>field=value</c> or <c>field!=value</c>, with <c>\ , =</c> in the value escaped by a backslash.</summary>
    public override string ToString() => Field + (Operator == FieldSelectorOperator.Equals ? "=" : "!=") + Escape(Value);

    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', ',', '=') < 0)
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 4);
        foreach (char c in value)
        {
            if (c is '\\' or ',' or '=')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
