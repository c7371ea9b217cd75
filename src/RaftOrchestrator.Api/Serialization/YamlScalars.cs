using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>
/// go-yaml v2's implicit typing of scalars (its resolve table), which is what a Kubernetes YAML body means:
/// quoted, block and "!!str" scalars are strings; a plain scalar is a bool, null, an integer (Go's ParseInt with base
/// prefixes 0x, 0o, 0b and a leading 0 for octal, underscores ignored) or a float when it reads as one, else a string.
/// </summary>
internal static partial class YamlScalars
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    public static JsonNode? Resolve(Scalar scalar)
    {
        string? tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is not null && tag.StartsWith(TagPrefix, StringComparison.Ordinal))
        {
            return tag[TagPrefix.Length..] switch
            {
                "str" or "binary" or "timestamp" => JsonValue.Create(scalar.Value),
                "null" or "bool" or "int" or "float" => ResolvePlain(scalar),
                _ => JsonValue.Create(scalar.Value),
            };
        }
        // A local tag ("!foo") or the non-specific "!" leaves the text as it is.
        return tag is null && scalar.Style is ScalarStyle.Plain ? ResolvePlain(scalar) : JsonValue.Create(scalar.Value);
    }

    /// <summary>The JSON object key a YAML key becomes (sigs.k8s.io/yaml: bools and numbers in their string form).</summary>
    public static string KeyString(JsonNode? key, ParsingEvent at)
    {
        if (key is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    return value.GetValue<string>();
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
                case JsonValueKind.Number when value.TryGetValue(out long l):
                    return l.ToString(CultureInfo.InvariantCulture);
                case JsonValueKind.Number when value.TryGetValue(out ulong u):
                    return u.ToString(CultureInfo.InvariantCulture);
                case JsonValueKind.Number when value.TryGetValue(out double d):
                    // Go formats a float key with 32-bit precision ('g', -1, 32).
                    return ((float)d).ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
            }
        }
        throw YamlJsonBuilder.Fail(at, key is null ? "unsupported map key: null" : "unsupported map key: only scalars can be keys");
    }

    private static JsonValue? ResolvePlain(Scalar scalar)
    {
        string s = scalar.Value;
        switch (s)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return JsonValue.Create(true);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return JsonValue.Create(false);
            case ".nan" or ".NaN" or ".NAN" or ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF"
                or "-.inf" or "-.Inf" or "-.INF":
                // A float JSON cannot hold: encoding/json refuses it, so the request fails.
                throw YamlJsonBuilder.Fail(scalar, $"json: unsupported value: {s}");
        }
        if (s[0] is not ('+' or '-' or '.' or (>= '0' and <= '9')))
        {
            return JsonValue.Create(s);
        }
        string plain = s.Replace("_", "", StringComparison.Ordinal);
        if (TryParseGoInt(plain, out BigInteger big))
        {
            if (big >= long.MinValue && big <= long.MaxValue)
            {
                return JsonValue.Create((long)big);
            }
            if (big.Sign > 0 && big <= ulong.MaxValue && plain[0] != '+')
            {
                return JsonValue.Create((ulong)big);
            }
        }
        if (YamlFloat().IsMatch(plain)
            && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
        {
            return JsonValue.Create(d);
        }
        return JsonValue.Create(s);
    }

    // strconv.ParseInt(s, 0, 64)'s syntax: a sign, then 0x/0o/0b and digits of that base, a 0 and octal digits, or decimal.
    private static bool TryParseGoInt(string s, out BigInteger value)
    {
        value = BigInteger.Zero;
        ReadOnlySpan<char> span = s;
        bool negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }
        int radix = 10;
        if (span.Length > 1 && span[0] == '0')
        {
            radix = char.ToLowerInvariant(span[1]) switch
            {
                'x' => 16,
                'o' => 8,
                'b' => 2,
                _ => 0,
            };
            span = radix == 0 ? span[1..] : span[2..];
            radix = radix == 0 ? 8 : radix;
        }
        if (span.IsEmpty || span.Length > 70)
        {
            return false;
        }
        foreach (char c in span)
        {
            int digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return false;
            }
            value = (value * radix) + digit;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();
}
