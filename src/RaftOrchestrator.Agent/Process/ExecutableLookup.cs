namespace RaftOrchestrator.Agent.Process;

/// <summary>
/// Finds the file a command names the way a container runtime does: in the container's PATH (not the agent's),
/// runc's default when it has none; a name with a slash is a path, relative to the working directory.
/// </summary>
internal static class ExecutableLookup
{
    /// <summary>runc's and Docker's PATH for a container whose environment sets none.</summary>
    public const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The last PATH of the environment (the one that wins), or null.</summary>
    public static string? PathVariable(IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        string? path = null;
        foreach ((string name, string value) in environment)
        {
            if (string.Equals(name, "PATH", StringComparison.Ordinal))
            {
                path = value;
            }
        }
        return path;
    }

    /// <summary>
    /// The path to exec: a command with a slash resolved against <paramref name="workingDirectory"/> (whether it
    /// exists is the exec's to report), else the first executable regular file of that name in
    /// <paramref name="path"/>'s directories (an empty entry is the working directory); null when there is none.
    /// </summary>
    public static string? Find(string command, string? path, string workingDirectory)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return Path.GetFullPath(command, workingDirectory);
        }
        if (command.Length == 0)
        {
            return null;
        }
        foreach (string directory in (path ?? DefaultPath).Split(':'))
        {
            string candidate = Path.Combine(Path.GetFullPath(directory.Length == 0 ? "." : directory, workingDirectory), command);
            if (File.Exists(candidate) && LibC.Access(candidate, LibC.ExecuteAccess) == 0)
            {
                return candidate;
            }
        }
        return null;
    }
}
