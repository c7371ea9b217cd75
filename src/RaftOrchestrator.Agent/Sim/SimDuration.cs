using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RaftOrchestrator.Agent.Sim;

/// <summary>
/// Durations as the command lines of the simulated runtimes take them, in Go's style: a decimal number and a unit
/// (<c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>; <c>us</c> too), e.g. <c>200ms</c>, <c>0.2s</c>, <c>1.5m</c>; a bare <c>0</c> is zero.
/// </summary>
public static class SimDuration
{
    public static bool TryParse(string? text, out TimeSpan value, [NotNullWhen(false)] out string? error)
    {
        value = TimeSpan.Zero;
        error = null;
        string trimmed = text?.Trim() ?? "";
        if (trimmed == "0")
        {
            return true;
        }
        int unit = trimmed.Length;
        while (unit > 0 && char.IsAsciiLetter(trimmed[unit - 1]))
        {
            unit--;
        }
        double scale = trimmed[unit..] switch
        {
            "us" => 1e-6,
            "ms" => 1e-3,
            "s" => 1,
            "m" => 60,
            "h" => 3600,
            _ => double.NaN,
        };
        if (double.IsNaN(scale) || !double.TryParse(trimmed.AsSpan(0, unit), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
        {
            error = $"\"{text}\" is not a duration (a number and a unit: 200ms, 0.2s, 1m)";
            return false;
        }
        double seconds = number * scale;
        if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            error = $"\"{text}\" is too long";
            return false;
        }
        value = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    /// <summary>The shortest of the parseable spellings (whole milliseconds below a second, else seconds).</summary>
    public static string Format(TimeSpan value) =>
        value == TimeSpan.Zero ? "0"
        : value < TimeSpan.FromSeconds(1) ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0.###}ms")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###}s");
}
