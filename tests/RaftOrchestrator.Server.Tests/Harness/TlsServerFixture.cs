using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RaftOrchestrator.Server.Hosting;

namespace RaftOrchestrator.Server.Tests.Harness;

/// <summary>
/// A single-replica server whose API is HTTPS with a self-signed certificate for 127.0.0.1 (made here, no openssl),
/// so it writes a kubeconfig with that certificate as the authority and an admin token.
/// </summary>
public sealed class TlsServerFixture : IAsyncLifetime
{
    private ServerHandle? _server;

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("ro-st-tls-").FullName;

    public ServerHandle Server => _server ?? throw new InvalidOperationException("not started");

    public string Kubeconfig => Path.Combine(DataDirectory, "kubeconfig");

    /// <summary>The PEM of a certificate the server does not use: trusting only it must fail.</summary>
    public string OtherCertificatePem { get; } = SelfSigned("other").ExportCertificatePem();

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using X509Certificate2 certificate = SelfSigned("rorch");
        string cert = Path.Combine(DataDirectory, "api.crt");
        string key = Path.Combine(DataDirectory, "api.key");
        await File.WriteAllTextAsync(cert, certificate.ExportCertificatePem(), timeout.Token);
        await File.WriteAllTextAsync(key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem(), timeout.Token);
        _server = await ServerHost.StartAsync(new ServerOptions
        {
            Name = "st-tls",
            DataDirectory = DataDirectory,
            PeerListen = new IPEndPoint(IPAddress.Loopback, Ports.Next()),
            ClientListen = new IPEndPoint(IPAddress.Loopback, Ports.Next()),
            ApiListen = new IPEndPoint(IPAddress.Loopback, Ports.Next()),
            TlsCertFile = cert,
            TlsKeyFile = key,
            // No embedded controllers: the tests are the only writers, so what they read is what they wrote.
            Controllers = null,
        }, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open: the temporary directory is left for the system to clean
        }
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
