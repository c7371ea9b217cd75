using System.Globalization;
using System.Text;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// The small universe the generators draw from, so that keys, ranges and values collide often.
/// Keys are handled in the model as Latin-1 strings: one char per byte, so ordinal string order is
/// unsigned byte order (a shorter key sorts before its extensions, "a" &lt; "a\0" &lt; "ab").
/// </summary>
internal static class KeySpace
{
    /// <summary>Keys that are written: shared prefixes, a zero byte, 0xff, and two keys sharing their first 8 bytes.</summary>
    public static readonly string[] Keys = ["a", "a\0", "ab", "abc", "b", "\u00ff", "abcdefgh1", "abcdefgh2"];

    /// <summary>Range boundaries: every key plus points between and around them.</summary>
    public static readonly string[] RangeStarts = [.. Keys, "\0", "aa", "abcdefgh", "abd", "c", "\u00ff\u00ff", "m", "m05"];

    /// <summary>Bounded range ends ("\0" would mean open-ended, which has its own kind).</summary>
    public static readonly string[] RangeEnds = [.. Keys, "aa", "abcdefgh", "abd", "c", "\u00ff\u00ff", "m05", "n"];

    public static readonly string[] Prefixes = ["a", "ab", "abcdefgh", "b", "\u00ff", "z", "a\0", "m", "m0"];

    /// <summary>Values of 0 to 3 bytes.</summary>
    public static readonly string[] Values = ["", "x", "y", "xy", "yx", "xyz", "\0", "\u00ff"];

    /// <summary>Lease ids that get granted; 9 never is.</summary>
    public static readonly long[] LeaseIds = [1, 2, 3];

    public const long MissingLease = 9;

    /// <summary>Keys of the rare bulk transaction, enough of them to split a B+tree leaf (64 keys).</summary>
    public static string BulkKey(int i) => "m" + i.ToString("D3", CultureInfo.InvariantCulture);

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>A C#-style literal of a Latin-1 string, unambiguous for any byte.</summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in text)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
        }
        return sb.Append('"').ToString();
    }
}
