using System.Globalization;
using System.Text;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Selectors;

/// <summary>The pieces of Kubernetes' selector error wording (field.Error and errors.Aggregate formatting).</summary>
internal static class SelectorText
{
    public static string? LabelKeyProblem(string key, string path) =>
        NameValidation.QualifiedNameProblem(key) is { } problem ? $"{path}: Invalid value: {Quote(key)}: {problem}" : null;

    public static string? LabelValueProblem(string value) => NameValidation.LabelValueProblem(value);

    /// <summary>Go's %q: a double-quoted string with quotes, backslashes and control characters escaped.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ' or '\x7f': sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A string list as field.Error prints a bad value that is a slice: its JSON, where an empty list is Go's nil slice ("null").</summary>
    public static string JsonList(IReadOnlyCollection<string> values) =>
        values.Count == 0 ? "null" : "[" + string.Join(',', values.Select(Quote)) + "]";

    /// <summary>One error as itself; several, without repeats, as "[a, b]".</summary>
    public static string Aggregate(IReadOnlyList<string> errors)
    {
        List<string> distinct = errors.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
    }
}
