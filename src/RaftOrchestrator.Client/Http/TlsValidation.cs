using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// The server-certificate check of <see cref="ClusterClientOptions"/>: the system's (no callback), anything
/// (insecure skip-verify), or a chain that ends at one of the given CA certificates, for the host asked for.
/// </summary>
internal static class TlsValidation
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification = "InsecureSkipTlsVerify is the caller's explicit choice, as kubeconfig's insecure-skip-tls-verify")]
    public static RemoteCertificateValidationCallback? Callback(ClusterClientOptions options)
    {
        if (options.InsecureSkipTlsVerify)
        {
            return static (_, _, _, _) => true;
        }
        if (string.IsNullOrWhiteSpace(options.CertificateAuthorityPem))
        {
            return null;
        }
        var roots = new X509Certificate2Collection();
        roots.ImportFromPem(options.CertificateAuthorityPem);
        if (roots.Count == 0)
        {
            throw new ArgumentException("CertificateAuthorityPem holds no PEM certificate", nameof(options));
        }
        return (_, certificate, chain, errors) => Trusted(roots, certificate, chain, errors);
    }

    private static bool Trusted(X509Certificate2Collection roots, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        if (chain is not null)
        {
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }
        X509Certificate2 leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        try
        {
            return custom.Build(leaf);
        }
        finally
        {
            if (!ReferenceEquals(leaf, certificate))
            {
                leaf.Dispose();
            }
        }
    }
}
