using System.Diagnostics;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// The API over HTTPS with bearer tokens (kubectl sends credentials only over TLS): the kubeconfig the server writes
/// carries its certificate and an admin token; a token from --token-auth-file works; a wrong token is refused.
/// </summary>
public sealed class KubeApiTlsTests
{
    [Fact]
    public async Task Https_KubeconfigTokenWorks_WrongTokenIsUnauthorized()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string certs = Directory.CreateTempSubdirectory("ro-tls-").FullName;
        try
        {
            string cert = Path.Combine(certs, "api.crt");
            string key = Path.Combine(certs, "api.key");
            string tokens = Path.Combine(certs, "tokens.csv");
            await OpenSslAsync("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=rorch",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert);
            await File.WriteAllTextAsync(tokens, "alice-token,alice,1001,\"dev,ops\"\n", timeout.Token);
            await using ProcessCluster cluster = await ProcessCluster.StartAsync(1, timeout.Token, "--tls-cert", cert, "--tls-key", key, "--token-auth-file", tokens);
            ProcessMember member = cluster.Members[0];
            await ProcessCluster.WaitUntilAsync(() => Task.FromResult(File.Exists(member.Kubeconfig)), "the kubeconfig", 30, timeout.Token);
            var kubectl = new Kubectl(member.Kubeconfig, Directory.CreateDirectory(Path.Combine(cluster.Root, "cache")).FullName);
            await ProcessCluster.WaitUntilAsync(async () => (await kubectl.RunAsync(["get", "--raw", "/readyz"])).ExitCode == 0, "/readyz", 60, timeout.Token);

            string namespaces = await kubectl.OkAsync("get", "namespaces", "-o", "name");
            string whoami = await kubectl.OkAsync("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
            string alice = await kubectl.OkAsync("--token", "alice-token", "auth", "whoami", "-o", "jsonpath={.status.userInfo.username} {.status.userInfo.groups}");
            string refused = await kubectl.FailsAsync("--token", "not-a-token", "get", "namespaces");

            Assert.Contains("namespace/default", namespaces, StringComparison.Ordinal);
            Assert.Contains("server: https://127.0.0.1:", await File.ReadAllTextAsync(member.Kubeconfig, timeout.Token), StringComparison.Ordinal);
            Assert.Equal("admin", whoami);
            Assert.StartsWith("alice", alice, StringComparison.Ordinal);
            Assert.Contains("dev", alice, StringComparison.Ordinal);
            Assert.Contains("You must be logged in to the server (Unauthorized)", refused, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(certs, recursive: true);
        }
    }

    private static async Task OpenSslAsync(params string[] args)
    {
        var info = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(info)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"openssl failed: {await error}");
    }
}
