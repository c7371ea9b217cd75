namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// The executables the tests start, as this build made them: an environment variable's path if set, else
/// the project's output for this test build's configuration and framework (the test project references
/// both projects so that they are built first).
/// </summary>
internal static class BuiltBinary
{
    public static string Rorch { get; } = Find("RORCH_DLL", Path.Combine("src", "RaftOrchestrator.Server"), "rorch.dll");

    public static string Roctl { get; } = Find("ROCTL_DLL", Path.Combine("tools", "RaftOrchestrator.Ctl"), "roctl.dll");

    private static string Find(string variable, string project, string dll)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"{variable}={configured} does not exist.");
        }
        // bin/<Configuration>/<framework> of this test project → the same under the other project.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name, configuration = here.Parent!.Name;
        for (DirectoryInfo? dir = here; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, project, "bin", configuration, framework, dll);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{dll} not found: build {project} first, or set {variable}.");
    }
}
