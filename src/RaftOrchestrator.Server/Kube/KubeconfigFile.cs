using System.Text;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// The kubeconfig `rorch server` writes so kubectl works at once: one cluster (the API URL; with TLS its
/// certificate as the authority), one user (with TLS the admin bearer token: kubectl sends no credentials over
/// plain HTTP, and prompts for a user name on HTTPS without one), one current context.
/// </summary>
public static class KubeconfigFile
{
    public static string Render(string serverUrl, string? certificatePem, string? token)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        var text = new StringBuilder();
        text.Append("apiVersion: v1\nkind: Config\nclusters:\n- name: rorch\n  cluster:\n    server: ").Append(serverUrl).Append('\n');
        if (certificatePem is not null)
        {
            text.Append("    certificate-authority-data: ").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(certificatePem))).Append('\n');
        }
        text.Append("contexts:\n- name: rorch\n  context:\n    cluster: rorch\n    user: admin\ncurrent-context: rorch\nusers:\n- name: admin\n  user:");
        text.Append(token is null ? " {}\n" : $"\n    token: {token}\n");
        return text.ToString();
    }

    /// <summary>Writes the file readable by its owner only (it may hold a token), replacing it atomically.</summary>
    public static void Write(string path, string content)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
