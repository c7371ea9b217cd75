using System.Globalization;
using System.Text.Json.Serialization;
using MessagePack;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Api.Meta;

/// <summary>A value that is an integer or a string ("8080" vs "http", "25%"), kept in the form it was given.</summary>
[JsonConverter(typeof(IntOrStringJsonConverter))]
[MessagePackFormatter(typeof(IntOrStringMessagePackFormatter))]
public readonly record struct IntOrString
{
    private IntOrString(int intValue, string? stringValue)
    {
        IntValue = intValue;
        StringValue = stringValue;
    }

    public int IntValue { get; }

    /// <summary>Null when the value is an integer.</summary>
    public string? StringValue { get; }

    public bool IsInt => StringValue is null;

    public static IntOrString FromInt(int value) => new(value, null);

    public static IntOrString FromString(string value) => new(0, value);

    public static implicit operator IntOrString(int value) => FromInt(value);

    public override string ToString() => StringValue ?? IntValue.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An absolute value, or a percentage of <paramref name="total"/> ("25%"), rounded up or down as Kubernetes'
    /// GetScaledValueFromIntOrPercent does. False for a string that is neither.
    /// </summary>
    public bool TryScale(int total, bool roundUp, out int value)
    {
        if (IsInt)
        {
            value = IntValue;
            return true;
        }
        string s = StringValue!;
        if (s.EndsWith('%') && int.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int percent))
        {
            double scaled = percent * (double)total / 100;
            value = (int)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled));
            return true;
        }
        value = 0;
        return false;
    }
}
