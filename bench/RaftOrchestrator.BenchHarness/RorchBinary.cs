namespace RaftOrchestrator.BenchHarness;

/// <summary>Where rorch.dll is: the --rorch path, else $RORCH_DLL, else src/RaftOrchestrator.Server/bin/Release/net10.0 above this build.</summary>
public static class RorchBinary
{
    public static string Find(string? configured)
    {
        configured ??= Environment.GetEnvironmentVariable("RORCH_DLL") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        if (configured is not null)
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : throw new FileNotFoundException($"{configured} does not exist");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "src", "RaftOrchestrator.Server", "bin", "Release", "net10.0", "rorch.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("rorch.dll not found: build src/RaftOrchestrator.Server in Release, or pass --rorch");
    }
}
