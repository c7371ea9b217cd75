namespace RaftOrchestrator.Api.Selectors;

/// <summary>
/// Splits a label selector into tokens the way Kubernetes' lexer does: whitespace separates, the symbols
/// <c>= ! ( ) , &gt; &lt;</c> form the longest operator they can ("!=", "=="), and any other run of characters is an
/// identifier, or the keyword "in"/"notin" (which the parser takes back as an identifier where a value is expected).
/// </summary>
internal static class LabelSelectorLexer
{
    public static List<(LabelSelectorToken Token, string Literal)> Scan(string text)
    {
        var tokens = new List<(LabelSelectorToken, string)>();
        int pos = 0;
        while (true)
        {
            while (pos < text.Length && IsWhitespace(text[pos]))
            {
                pos++;
            }
            if (pos == text.Length)
            {
                tokens.Add((LabelSelectorToken.EndOfString, ""));
                return tokens;
            }
            tokens.Add(IsSpecial(text[pos]) ? ScanSymbol(text, ref pos) : ScanWord(text, ref pos));
        }
    }

    private static (LabelSelectorToken, string) ScanWord(string text, ref int pos)
    {
        int start = pos;
        while (pos < text.Length && !IsSpecial(text[pos]) && !IsWhitespace(text[pos]))
        {
            pos++;
        }
        string word = text[start..pos];
        return word switch
        {
            "in" => (LabelSelectorToken.In, word),
            "notin" => (LabelSelectorToken.NotIn, word),
            _ => (LabelSelectorToken.Identifier, word),
        };
    }

    // Every single symbol is a token, so the longest match is one or two characters.
    private static (LabelSelectorToken, string) ScanSymbol(string text, ref int pos)
    {
        if (pos + 1 < text.Length && Symbol(text.AsSpan(pos, 2)) is { } pair)
        {
            pos += 2;
            return (pair, text.Substring(pos - 2, 2));
        }
        pos++;
        return (Symbol(text.AsSpan(pos - 1, 1))!.Value, text.Substring(pos - 1, 1));
    }

    private static LabelSelectorToken? Symbol(ReadOnlySpan<char> s) => s switch
    {
        ")" => LabelSelectorToken.ClosedPar,
        "," => LabelSelectorToken.Comma,
        "!" => LabelSelectorToken.DoesNotExist,
        "==" => LabelSelectorToken.DoubleEquals,
        "=" => LabelSelectorToken.Equals,
        ">" => LabelSelectorToken.GreaterThan,
        "<" => LabelSelectorToken.LessThan,
        "!=" => LabelSelectorToken.NotEquals,
        "(" => LabelSelectorToken.OpenPar,
        _ => null,
    };

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsSpecial(char c) => c is '=' or '!' or '(' or ')' or ',' or '>' or '<';
}
