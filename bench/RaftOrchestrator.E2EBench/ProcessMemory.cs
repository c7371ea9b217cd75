using System.Globalization;

namespace RaftOrchestrator.E2EBench;

/// <summary>Resident memory and CPU time of a process from /proc (Linux), for the report; null where it cannot be read.</summary>
internal static class ProcessMemory
{
    /// <summary>USER_HZ: the unit of utime and stime in /proc/pid/stat (100 on Linux everywhere that matters).</summary>
    private const double ClockTicksPerSecond = 100;

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // Fields after the command name (which is in parentheses and may hold spaces): state is field 3, utime 14, stime 15.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static double? ResidentMiB(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)
                    && long.TryParse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long kb))
                {
                    return kb / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
