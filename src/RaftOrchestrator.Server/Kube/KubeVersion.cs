using System.Text.Json;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// What /version reports. The kubectl on these machines is a dispatcher that runs the client matching the
/// server's minor: "32" selects its built-in 1.32 client, whose wire behaviour the API is built for.
/// </summary>
public static class KubeVersion
{
    public const string Major = "1";
    public const string Minor = "32";
    public const string GitVersion = "v1.32.4-rorch";

    public static void Write(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteString("major", Major);
        w.WriteString("minor", Minor);
        w.WriteString("gitVersion", GitVersion);
        w.WriteString("gitCommit", "");
        w.WriteString("gitTreeState", "clean");
        w.WriteString("buildDate", "2026-12-01T00:00:00Z");
        w.WriteString("goVersion", $"dotnet{Environment.Version}");
        w.WriteString("compiler", "roslyn");
        w.WriteString("platform", $"{(OperatingSystem.IsLinux() ? "linux" : "other")}/{System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant().Replace("x64", "amd64", StringComparison.Ordinal)}");
        w.WriteEndObject();
    }
}
