using System.Text;
using RaftOrchestrator.Client.Http;

namespace RaftOrchestrator.Client.Tests.Http;

public sealed class KubeconfigReaderTests
{
    private const string Pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    [Fact]
    public void Parse_TheServersPlainHttpFile_IsItsUrlWithoutCredentials()
    {
        const string Yaml = "apiVersion: v1\nkind: Config\nclusters:\n- name: rorch\n  cluster:\n    server: http://127.0.0.1:6443\ncontexts:\n- name: rorch\n  context:\n    cluster: rorch\n    user: admin\ncurrent-context: rorch\nusers:\n- name: admin\n  user: {}\n";

        ClusterClientOptions options = KubeconfigReader.Parse(Yaml, "/tmp", "agent/1");

        Assert.Equal([new Uri("http://127.0.0.1:6443")], options.Servers);
        Assert.Null(options.BearerToken);
        Assert.Null(options.CertificateAuthorityPem);
        Assert.False(options.InsecureSkipTlsVerify);
        Assert.Equal("agent/1", options.UserAgent);
    }

    [Fact]
    public void Parse_TlsWithTokenAndCaData_CarriesBoth_ForTheAskedContext()
    {
        string yaml = $"""
            current-context: other
            clusters:
            - name: secure
              cluster:
                server: https://10.1.2.3:6443
                certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(Pem))}
            - name: lax
              cluster:
                server: https://lax:6443
                insecure-skip-tls-verify: true
            contexts:
            - name: main
              context: {"{"}cluster: secure, user: admin{"}"}
            - name: other
              context: {"{"}cluster: lax, user: admin{"}"}
            users:
            - name: admin
              user:
                token: abc123
            """;

        ClusterClientOptions main = KubeconfigReader.Parse(yaml, "/tmp", "a", context: "main");
        ClusterClientOptions current = KubeconfigReader.Parse(yaml, "/tmp", "a");

        Assert.Equal(("https://10.1.2.3:6443/", "abc123", Pem, false), (main.Servers[0].AbsoluteUri, main.BearerToken, main.CertificateAuthorityPem, main.InsecureSkipTlsVerify));
        Assert.Equal(("https://lax:6443/", true), (current.Servers[0].AbsoluteUri, current.InsecureSkipTlsVerify));
    }

    [Fact]
    public void Read_RelativeTokenFile_ResolvesAgainstTheKubeconfigsFolder()
    {
        DirectoryInfo folder = Directory.CreateTempSubdirectory("ro-kc-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "token"), "from-file\n");
            string path = Path.Combine(folder.FullName, "config");
            File.WriteAllText(path, "current-context: c\nclusters: [{name: k, cluster: {server: 'http://h:1'}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nusers: [{name: u, user: {tokenFile: token}}]\n");

            Assert.Equal("from-file", KubeconfigReader.Read(path, "a").BearerToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("current-context: missing\nclusters: []\ncontexts: []\n")]
    [InlineData("current-context: c\nclusters: [{name: k, cluster: {server: 'ftp://h'}}]\ncontexts: [{name: c, context: {cluster: k}}]\n")]
    [InlineData("current-context: c\nclusters: [{name: k, cluster: {server: 'https://h'}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nusers: [{name: u, user: {client-certificate-data: eA==}}]\n")]
    [InlineData("- not a mapping\n")]
    [InlineData("key: [unclosed\n")]
    public void Parse_UnusableFile_IsAFormatException(string yaml)
    {
        Assert.Throws<FormatException>(() => KubeconfigReader.Parse(yaml, "/tmp", "a"));
    }
}
