using System.Text;

namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// RFC 6901 JSON Pointers: "" is the whole document, every other pointer is "/"-separated tokens in which "~1"
/// stands for "/" and "~0" for "~" (decoded in that order, so "~01" is the token "~1").
/// </summary>
public static class JsonPointer
{
    /// <summary>Splits and unescapes a pointer; false when it does not start with "/" or has a "~" not followed by 0 or 1.</summary>
    public static bool TryParse(string text, out string[] tokens)
    {
        tokens = [];
        if (text.Length == 0)
        {
            return true;
        }
        if (text[0] != '/')
        {
            return false;
        }
        string[] raw = text[1..].Split('/');
        for (int i = 0; i < raw.Length; i++)
        {
            if (!TryUnescape(raw[i], out string token))
            {
                return false;
            }
            raw[i] = token;
        }
        tokens = raw;
        return true;
    }

    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static bool TryUnescape(string token, out string value)
    {
        value = token;
        if (!token.Contains('~', StringComparison.Ordinal))
        {
            return true;
        }
        var text = new StringBuilder(token.Length);
        for (int i = 0; i < token.Length; i++)
        {
            if (token[i] != '~')
            {
                text.Append(token[i]);
                continue;
            }
            if (i + 1 >= token.Length || token[i + 1] is not ('0' or '1'))
            {
                return false;
            }
            text.Append(token[i + 1] == '0' ? '~' : '/');
            i++;
        }
        value = text.ToString();
        return true;
    }
}
