namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>Finds the built rorch.dll: $RORCH_DLL, or the server project's output for this build's configuration.</summary>
internal static class RorchBinary
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("RORCH_DLL") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"RORCH_DLL={configured} does not exist.");
        }
        // bin/<Configuration>/net10.0 of this test project → the same under src/RaftOrchestrator.Server.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        string framework = here.Name, configuration = here.Parent!.Name;
        for (DirectoryInfo? dir = here; dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "src", "RaftOrchestrator.Server", "bin", configuration, framework, "rorch.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("rorch.dll not found: build src/RaftOrchestrator.Server first, or set RORCH_DLL.");
    }
}
