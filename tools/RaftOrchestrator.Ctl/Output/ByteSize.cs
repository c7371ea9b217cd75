using System.Globalization;

namespace RaftOrchestrator.Ctl.Output;

/// <summary>Sizes for people: "512 B", "1.5 KiB", "20.0 MiB" (binary units, one decimal, invariant culture).</summary>
internal static class ByteSize
{
    private static readonly string[] s_units = ["KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Format(long bytes)
    {
        if (bytes is < 1024 and > -1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
        }
        double value = bytes;
        int unit = -1;
        while (Math.Abs(value) >= 1024 && unit < s_units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {s_units[unit]}");
    }
}
