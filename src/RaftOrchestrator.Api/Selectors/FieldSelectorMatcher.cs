using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace RaftOrchestrator.Api.Selectors;

/// <summary>
/// A parsed field selector (<c>metadata.name=x,status.phase!=Running</c>): terms ANDed. Which fields a kind
/// supports is the server's business: it checks <see cref="FieldNames"/> and reads the values through the
/// <c>getField</c> function given to <see cref="Matches"/>.
/// </summary>
public sealed class FieldSelectorMatcher
{
    private static readonly string[] s_operators = ["!=", "==", "="];

    private readonly FieldRequirement[] _requirements;

    private FieldSelectorMatcher(FieldRequirement[] requirements) => _requirements = requirements;

    public static FieldSelectorMatcher Empty { get; } = new([]);

    public IReadOnlyList<FieldRequirement> Requirements => _requirements;

    public bool IsEmpty => _requirements.Length == 0;

    /// <summary>The distinct field names the terms use, in order.</summary>
    public IReadOnlyList<string> FieldNames => _requirements.Select(r => r.Field).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Parses the string form; null or "" is <see cref="Empty"/>. The terms are sorted as Kubernetes sorts them
    /// before parsing, so the first bad term reported is the same one Kubernetes reports.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out FieldSelectorMatcher? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = null;
        error = null;
        text ??= "";
        List<string> terms = SplitTerms(text);
        terms.Sort(StringComparer.Ordinal);
        var requirements = new List<FieldRequirement>(terms.Count);
        foreach (string term in terms)
        {
            if (term.Length == 0)
            {
                continue;
            }
            if (!SplitTerm(term, out string? field, out string? op, out string? raw))
            {
                error = $"invalid selector: '{text}'; can't understand '{term}'";
                return false;
            }
            if (!TryUnescape(raw, out string? value, out error))
            {
                return false;
            }
            requirements.Add(new FieldRequirement(field, op == "!=" ? FieldSelectorOperator.NotEquals : FieldSelectorOperator.Equals, value));
        }
        matcher = requirements.Count == 0 ? Empty : new FieldSelectorMatcher([.. requirements]);
        return true;
    }

    public bool Matches(Func<string, string?> getField)
    {
        foreach (FieldRequirement requirement in _requirements)
        {
            if (!requirement.Matches(getField))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => string.Join(',', _requirements.Select(r => r.ToString()));

    // Commas split terms unless escaped; the backslash stays in the term for TryUnescape.
    private static List<string> SplitTerms(string text)
    {
        var terms = new List<string>();
        if (text.Length == 0)
        {
            return terms;
        }
        int start = 0;
        bool escaped = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (escaped)
            {
                escaped = false;
            }
            else if (text[i] == '\\')
            {
                escaped = true;
            }
            else if (text[i] == ',')
            {
                terms.Add(text[start..i]);
                start = i + 1;
            }
        }
        terms.Add(text[start..]);
        return terms;
    }

    // The field cannot be escaped: the first operator found splits the term ("!=" before "==" before "=").
    private static bool SplitTerm(string term, [NotNullWhen(true)] out string? field, [NotNullWhen(true)] out string? op, [NotNullWhen(true)] out string? value)
    {
        for (int i = 0; i < term.Length; i++)
        {
            foreach (string candidate in s_operators)
            {
                if (term.AsSpan(i).StartsWith(candidate, StringComparison.Ordinal))
                {
                    field = term[..i];
                    op = candidate;
                    value = term[(i + candidate.Length)..];
                    return true;
                }
            }
        }
        field = op = value = null;
        return false;
    }

    private static bool TryUnescape(string raw, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
    {
        value = null;
        var sb = new StringBuilder(raw.Length);
        bool escaped = false;
        foreach (Rune r in raw.EnumerateRunes())
        {
            if (escaped)
            {
                if (r.Value is not ('\\' or ',' or '='))
                {
                    error = $"invalid field selector: invalid escape sequence: \\{r}";
                    return false;
                }
                sb.Append(r.ToString());
                escaped = false;
            }
            else if (r.Value == '\\')
            {
                escaped = true;
            }
            else if (r.Value is ',' or '=')
            {
                // Kubernetes prints the rune as its code point ("61" for '=').
                error = $"invalid field selector: unescaped character in value: {r.Value.ToString(CultureInfo.InvariantCulture)}";
                return false;
            }
            else
            {
                sb.Append(r.ToString());
            }
        }
        if (escaped)
        {
            error = "invalid field selector: invalid escape sequence: \\";
            return false;
        }
        value = sb.ToString();
        error = null;
        return true;
    }
}
