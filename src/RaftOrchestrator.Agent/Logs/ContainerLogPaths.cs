using System.Globalization;

namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// Where a container attempt's log lives under its pod's log directory, as the kubelet lays it out:
/// <c>&lt;pod log dir&gt;/&lt;container name&gt;/&lt;attempt&gt;.log</c>, the attempt being the restart count.
/// </summary>
public static class ContainerLogPaths
{
    /// <summary>The path relative to the pod's log directory (what <c>ContainerConfig.LogPath</c> carries).</summary>
    public static string Relative(string containerName, int attempt) =>
        Path.Combine(containerName, attempt.ToString(CultureInfo.InvariantCulture) + ".log");

    /// <summary>
    /// The log of the attempt before <paramref name="currentAttempt"/> (`kubectl logs --previous`): the highest-numbered
    /// attempt below it that still has a file, as older ones may have been removed. Null when there is none.
    /// </summary>
    public static string? FindPrevious(string podLogDirectory, string containerName, int currentAttempt)
    {
        string directory = Path.Combine(podLogDirectory, containerName);
        if (!Directory.Exists(directory))
        {
            return null;
        }
        int best = -1;
        string? path = null;
        foreach (string file in Directory.EnumerateFiles(directory, "*.log"))
        {
            if (int.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out int attempt)
                && attempt < currentAttempt && attempt > best)
            {
                best = attempt;
                path = file;
            }
        }
        return path;
    }
}
