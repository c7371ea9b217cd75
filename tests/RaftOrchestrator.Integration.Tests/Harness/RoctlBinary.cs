namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>Finds the built roctl.dll: $ROCTL_DLL, or the Ctl project's output for this build's configuration.</summary>
internal static class RoctlBinary
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("ROCTL_DLL") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"ROCTL_DLL={configured} does not exist.");
        }
        // bin/<Configuration>/net10.0 of this test project → the same under tools/RaftOrchestrator.Ctl.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        string framework = here.Name, configuration = here.Parent!.Name;
        for (DirectoryInfo? dir = here; dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "tools", "RaftOrchestrator.Ctl", "bin", configuration, framework, "roctl.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("roctl.dll not found: build tools/RaftOrchestrator.Ctl first, or set ROCTL_DLL.");
    }
}
