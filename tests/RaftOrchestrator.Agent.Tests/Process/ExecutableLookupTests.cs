using RaftOrchestrator.Agent.Process;

namespace RaftOrchestrator.Agent.Tests.Process;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ExecutableLookupTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Find_BareName_SearchesTheContainersPathInOrderSkippingNonExecutables()
    {
        string first = Directory.CreateDirectory(_directory.Combine("first")).FullName;
        string second = Directory.CreateDirectory(_directory.Combine("second")).FullName;
        WriteFile(Path.Combine(first, "tool"), executable: false);
        WriteFile(Path.Combine(second, "tool"), executable: true);

        Assert.Equal(Path.Combine(second, "tool"), ExecutableLookup.Find("tool", $"{first}:{second}", "/"));
        Assert.Null(ExecutableLookup.Find("tool", first, "/"));
    }

    [Fact]
    public void Find_EmptyPathEntry_IsTheWorkingDirectory()
    {
        WriteFile(_directory.Combine("local"), executable: true);

        Assert.Equal(_directory.Combine("local"), ExecutableLookup.Find("local", "/nonexistent:", _directory.Path));
    }

    [Fact]
    public void Find_NameWithSlash_IsAPathRelativeToTheWorkingDirectoryEvenIfMissing()
    {
        Assert.Equal(_directory.Combine("bin", "run"), ExecutableLookup.Find("./bin/run", null, _directory.Path));
        Assert.Equal("/abs/tool", ExecutableLookup.Find("/abs/tool", null, _directory.Path));
    }

    [Fact]
    public void Find_NoPathInEnvironment_UsesRuncsDefault()
    {
        Assert.Null(ExecutableLookup.PathVariable([KeyValuePair.Create("HOME", "/root")]));
        Assert.Equal("/usr/bin/sh", ExecutableLookup.Find("sh", "/usr/bin", "/"));
        Assert.StartsWith("/usr/", ExecutableLookup.Find("sh", null, "/"), StringComparison.Ordinal);
        Assert.Equal("/b", ExecutableLookup.PathVariable([KeyValuePair.Create("PATH", "/a"), KeyValuePair.Create("PATH", "/b")]));
    }

    private static void WriteFile(string path, bool executable)
    {
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, executable ? UnixFileMode.UserRead | UnixFileMode.UserExecute : UnixFileMode.UserRead);
    }
}
