using System.Diagnostics.CodeAnalysis;

namespace RaftOrchestrator.Api.Selectors;

/// <summary>
/// A recursive-descent parser of Kubernetes' label selector grammar:
/// <code>
/// selector    := requirement ("," requirement)*
/// requirement := ["!"] KEY [ ("in" | "notin") "(" VALUE ("," VALUE)* ")" | ("=" | "==" | "!=" | "&gt;" | "&lt;") VALUE ]
/// </code>
/// Values may be empty ("a=", "a in (,b)"). Errors are worded as labels.Parse words them, since kubectl shows them
/// to the user verbatim.
/// </summary>
internal sealed class LabelSelectorParser
{
    private const string BinaryOperators = "in, notin, =, ==, !=, gt, lt";

    private readonly List<(LabelSelectorToken Token, string Literal)> _tokens;
    private int _position;

    private LabelSelectorParser(string text) => _tokens = LabelSelectorLexer.Scan(text);

    public static bool TryParse(string text, [NotNullWhen(true)] out List<LabelRequirement>? requirements, [NotNullWhen(false)] out string? error)
    {
        var parser = new LabelSelectorParser(text);
        requirements = parser.Parse(out error);
        return requirements is not null;
    }

    private List<LabelRequirement>? Parse(out string? error)
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            (LabelSelectorToken token, string literal) = Lookahead(values: true);
            switch (token)
            {
                case LabelSelectorToken.Identifier or LabelSelectorToken.DoesNotExist:
                    if (ParseRequirement(out string? problem) is not { } requirement)
                    {
                        error = $"unable to parse requirement: {problem}";
                        return null;
                    }
                    requirements.Add(requirement);
                    (LabelSelectorToken next, string nextLiteral) = Consume(values: true);
                    if (next == LabelSelectorToken.EndOfString)
                    {
                        error = null;
                        return requirements;
                    }
                    if (next != LabelSelectorToken.Comma)
                    {
                        error = $"found '{nextLiteral}', expected: ',' or 'end of string'";
                        return null;
                    }
                    (LabelSelectorToken after, string afterLiteral) = Lookahead(values: true);
                    if (after is not (LabelSelectorToken.Identifier or LabelSelectorToken.DoesNotExist))
                    {
                        error = $"found '{afterLiteral}', expected: identifier after ','";
                        return null;
                    }
                    break;
                case LabelSelectorToken.EndOfString:
                    error = null;
                    return requirements;
                default:
                    error = $"found '{literal}', expected: !, identifier, or 'end of string'";
                    return null;
            }
        }
    }

    private LabelRequirement? ParseRequirement(out string? error)
    {
        if (!ParseKey(out string? key, out LabelSelectorOperator? unary, out error))
        {
            return null;
        }
        LabelSelectorOperator op;
        SortedSet<string>? values;
        if (unary is { } u)
        {
            op = u;
            values = [];
        }
        else if (ParseOperator(out error) is { } binary)
        {
            op = binary;
            values = op is LabelSelectorOperator.In or LabelSelectorOperator.NotIn ? ParseValues(out error) : ParseExactValue(out error);
            if (values is null)
            {
                return null;
            }
        }
        else
        {
            return null;
        }
        return LabelRequirement.TryCreate(key, op, values, out LabelRequirement? requirement, out error) ? requirement : null;
    }

    // The key, and Exists or DoesNotExist when no binary operator follows it ("a", "!a"); null when one must.
    private bool ParseKey([NotNullWhen(true)] out string? key, out LabelSelectorOperator? unary, out string? error)
    {
        unary = null;
        (LabelSelectorToken token, string literal) = Consume(values: true);
        if (token == LabelSelectorToken.DoesNotExist)
        {
            unary = LabelSelectorOperator.DoesNotExist;
            (token, literal) = Consume(values: true);
        }
        key = null;
        if (token != LabelSelectorToken.Identifier)
        {
            error = $"found '{literal}', expected: identifier";
            return false;
        }
        // The parser checks the key with no field path, which Kubernetes prints as "<nil>".
        if (SelectorText.LabelKeyProblem(literal, "<nil>") is { } problem)
        {
            error = problem;
            return false;
        }
        if (Lookahead(values: true).Token is LabelSelectorToken.EndOfString or LabelSelectorToken.Comma)
        {
            unary ??= LabelSelectorOperator.Exists;
        }
        key = literal;
        error = null;
        return true;
    }

    private LabelSelectorOperator? ParseOperator(out string? error)
    {
        (LabelSelectorToken token, string literal) = Consume(values: false);
        error = null;
        switch (token)
        {
            case LabelSelectorToken.In: return LabelSelectorOperator.In;
            case LabelSelectorToken.NotIn: return LabelSelectorOperator.NotIn;
            case LabelSelectorToken.Equals: return LabelSelectorOperator.Equals;
            case LabelSelectorToken.DoubleEquals: return LabelSelectorOperator.DoubleEquals;
            case LabelSelectorToken.NotEquals: return LabelSelectorOperator.NotEquals;
            case LabelSelectorToken.GreaterThan: return LabelSelectorOperator.GreaterThan;
            case LabelSelectorToken.LessThan: return LabelSelectorOperator.LessThan;
            default:
                error = $"found '{literal}', expected: {BinaryOperators}";
                return null;
        }
    }

    private SortedSet<string>? ParseValues(out string? error)
    {
        (LabelSelectorToken token, string literal) = Consume(values: true);
        if (token != LabelSelectorToken.OpenPar)
        {
            error = $"found '{literal}' expected: '('";
            return null;
        }
        (token, literal) = Lookahead(values: true);
        switch (token)
        {
            case LabelSelectorToken.Identifier or LabelSelectorToken.Comma:
                SortedSet<string>? values = ParseIdentifierList(out error);
                if (values is null)
                {
                    return null;
                }
                if (Consume(values: true).Token != LabelSelectorToken.ClosedPar)
                {
                    // Kubernetes reports the token that opened the list here, not the one it found.
                    error = $"found '{literal}', expected: ')'";
                    return null;
                }
                return values;
            case LabelSelectorToken.ClosedPar:
                Consume(values: true);
                error = null;
                return new SortedSet<string>(StringComparer.Ordinal) { "" };
            default:
                error = $"found '{literal}', expected: ',', ')' or identifier";
                return null;
        }
    }

    // Values separated by commas, where a missing value between commas or next to a parenthesis is "".
    private SortedSet<string>? ParseIdentifierList(out string? error)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal);
        while (true)
        {
            (LabelSelectorToken token, string literal) = Consume(values: true);
            if (token == LabelSelectorToken.Identifier)
            {
                values.Add(literal);
                (LabelSelectorToken next, string nextLiteral) = Lookahead(values: true);
                if (next == LabelSelectorToken.ClosedPar)
                {
                    error = null;
                    return values;
                }
                if (next != LabelSelectorToken.Comma)
                {
                    error = $"found '{nextLiteral}', expected: ',' or ')'";
                    return null;
                }
            }
            else if (token == LabelSelectorToken.Comma)
            {
                if (values.Count == 0)
                {
                    values.Add("");
                }
                LabelSelectorToken next = Lookahead(values: true).Token;
                if (next is LabelSelectorToken.ClosedPar or LabelSelectorToken.Comma)
                {
                    values.Add("");
                }
                if (next == LabelSelectorToken.ClosedPar)
                {
                    error = null;
                    return values;
                }
            }
            else
            {
                error = $"found '{literal}', expected: ',', or identifier";
                return null;
            }
        }
    }

    private SortedSet<string>? ParseExactValue(out string? error)
    {
        error = null;
        if (Lookahead(values: true).Token is LabelSelectorToken.EndOfString or LabelSelectorToken.Comma)
        {
            return new SortedSet<string>(StringComparer.Ordinal) { "" };
        }
        (LabelSelectorToken token, string literal) = Consume(values: true);
        if (token == LabelSelectorToken.Identifier)
        {
            return new SortedSet<string>(StringComparer.Ordinal) { literal };
        }
        error = $"found '{literal}', expected: identifier";
        return null;
    }

    // Where a value is expected the keywords "in" and "notin" are plain identifiers ("a in (in)").
    private (LabelSelectorToken Token, string Literal) Lookahead(bool values)
    {
        (LabelSelectorToken token, string literal) = _tokens[Math.Min(_position, _tokens.Count - 1)];
        return values && token is LabelSelectorToken.In or LabelSelectorToken.NotIn ? (LabelSelectorToken.Identifier, literal) : (token, literal);
    }

    private (LabelSelectorToken Token, string Literal) Consume(bool values)
    {
        (LabelSelectorToken, string) item = Lookahead(values);
        _position++;
        return item;
    }
}
