namespace RaftOrchestrator.Chaos.Cluster.Cluster;

/// <summary>
/// Where rorch.dll is: RORCH_DLL if set, else the Server project's output for the caller's configuration and framework,
/// found by walking up from the running assembly's bin/&lt;Configuration&gt;/&lt;framework&gt; to the repository root.
/// </summary>
public static class RorchBinary
{
    public static string Find()
    {
        if (Environment.GetEnvironmentVariable("RORCH_DLL") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"RORCH_DLL={configured} does not exist.");
        }
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name, configuration = here.Parent?.Name ?? "Debug";
        for (DirectoryInfo? dir = here; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "RaftOrchestrator.Server", "bin", configuration, framework, "rorch.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("rorch.dll not found: build src/RaftOrchestrator.Server first, or set RORCH_DLL.");
    }
}
