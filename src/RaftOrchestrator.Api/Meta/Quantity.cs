using System.Globalization;
using System.Text.Json.Serialization;
using MessagePack;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Meta;

/// <summary>
/// A resource quantity ("100m", "1Gi", "2", "1e3"), kept as written so encodings round-trip exactly. JSON accepts a
/// number too (YAML <c>cpu: 1</c>), written back as a string as Kubernetes does.
/// </summary>
[JsonConverter(typeof(QuantityJsonConverter))]
[MessagePackFormatter(typeof(QuantityMessagePackFormatter))]
public readonly record struct Quantity(string Text)
{
    public static implicit operator Quantity(string text) => new(text);

    public override string ToString() => Text ?? "0";

    /// <summary>Parses the Kubernetes quantity grammar: a signed decimal, then a binary (Ki..Ei), decimal SI (n..E) or exponent suffix.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        if (!SplitSuffix(text, out string number, out string suffix))
        {
            return false;
        }
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal mantissa))
        {
            return false;
        }
        decimal? multiplier = Multiplier(suffix);
        if (multiplier is null)
        {
            return false;
        }
        try
        {
            value = mantissa * multiplier.Value;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The value in thousandths, rounded up (the way the scheduler counts cpu); false if it does not parse.</summary>
    public bool TryGetMilliValue(out long milli)
    {
        milli = 0;
        if (!TryParse(Text, out decimal value))
        {
            return false;
        }
        decimal scaled = Math.Ceiling(value * 1000);
        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }
        milli = (long)scaled;
        return true;
    }

    /// <summary>The value rounded up to an integer (bytes, pods); false if it does not parse.</summary>
    public bool TryGetValue(out long whole)
    {
        whole = 0;
        if (!TryParse(Text, out decimal value))
        {
            return false;
        }
        decimal scaled = Math.Ceiling(value);
        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }
        whole = (long)scaled;
        return true;
    }

    private static bool SplitSuffix(string text, out string number, out string suffix)
    {
        int i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }
        int digits = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }
        number = text[..i];
        suffix = text[i..];
        return i > digits;
    }

    private static decimal? Multiplier(string suffix)
    {
        switch (suffix)
        {
            case "": return 1m;
            case "n": return 0.000000001m;
            case "u": return 0.000001m;
            case "m": return 0.001m;
            case "k": return 1_000m;
            case "M": return 1_000_000m;
            case "G": return 1_000_000_000m;
            case "T": return 1_000_000_000_000m;
            case "P": return 1_000_000_000_000_000m;
            case "E": return 1_000_000_000_000_000_000m;
            case "Ki": return 1024m;
            case "Mi": return 1024m * 1024;
            case "Gi": return 1024m * 1024 * 1024;
            case "Ti": return 1024m * 1024 * 1024 * 1024;
            case "Pi": return 1024m * 1024 * 1024 * 1024 * 1024;
            case "Ei": return 1024m * 1024 * 1024 * 1024 * 1024 * 1024;
        }
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent)
            && exponent is >= -18 and <= 18)
        {
            decimal m = 1m;
            for (int k = 0; k < Math.Abs(exponent); k++)
            {
                m = exponent > 0 ? m * 10 : m / 10;
            }
            return m;
        }
        return null;
    }
}
