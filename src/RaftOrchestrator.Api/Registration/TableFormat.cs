using System.Globalization;

namespace RaftOrchestrator.Api.Registration;

/// <summary>Cell formatting shared by the tables, as kubectl's printers do it.</summary>
public static class TableFormat
{
    /// <summary>"&lt;unknown&gt;" without a time, else Kubernetes' HumanDuration of the age ("45s", "3m20s", "5h", "12d").</summary>
    public static string Age(DateTime? created, DateTime now) =>
        created is { } t ? HumanDuration(now - t) : "<unknown>";

    public static string HumanDuration(TimeSpan d)
    {
        static string I(double v) => ((long)v).ToString(CultureInfo.InvariantCulture);
        if (d < TimeSpan.Zero)
        {
            d = TimeSpan.Zero;
        }
        double seconds = Math.Floor(d.TotalSeconds);
        if (seconds < 60 * 2)
        {
            return I(seconds) + "s";
        }
        double minutes = Math.Floor(d.TotalMinutes);
        if (minutes < 10)
        {
            long s = (long)seconds % 60;
            return s == 0 ? I(minutes) + "m" : I(minutes) + "m" + s.ToString(CultureInfo.InvariantCulture) + "s";
        }
        if (minutes < 60 * 3)
        {
            return I(minutes) + "m";
        }
        double hours = Math.Floor(d.TotalHours);
        if (hours < 8)
        {
            long m = (long)minutes % 60;
            return m == 0 ? I(hours) + "h" : I(hours) + "h" + m.ToString(CultureInfo.InvariantCulture) + "m";
        }
        if (hours < 48)
        {
            return I(hours) + "h";
        }
        if (hours < 24 * 8)
        {
            long h = (long)hours % 24;
            return h == 0 ? I(hours / 24) + "d" : I(hours / 24) + "d" + h.ToString(CultureInfo.InvariantCulture) + "h";
        }
        if (hours < 24 * 365 * 2)
        {
            return I(hours / 24) + "d";
        }
        return I(hours / 24 / 365) + "y";
    }

    /// <summary>A list joined with commas, or "&lt;none&gt;" when empty.</summary>
    public static string JoinOrNone(IEnumerable<string>? values)
    {
        string joined = values is null ? "" : string.Join(",", values);
        return joined.Length == 0 ? "<none>" : joined;
    }
}
