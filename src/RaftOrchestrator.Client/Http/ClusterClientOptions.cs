using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// Where and how <see cref="HttpClusterClient"/> reaches the Kubernetes API. Any replica serves every call (a
/// follower forwards writes to the leader), so <see cref="Servers"/> may list them all: a call goes to the server
/// that answered last, and on a connection failure or a 503 moves on to the next, each server at most once per call.
/// </summary>
public sealed record ClusterClientOptions
{
    /// <summary>Base URLs of the API (http:// or https://), e.g. http://127.0.0.1:6443. At least one.</summary>
    public required IReadOnlyList<Uri> Servers { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer</c> on every request; null sends no credentials.</summary>
    public string? BearerToken { get; init; }

    /// <summary>PEM certificates trusted as the roots of the server's certificate (kubeconfig's certificate-authority-data); null trusts the system store.</summary>
    public string? CertificateAuthorityPem { get; init; }

    /// <summary>Accept any server certificate (kubeconfig's insecure-skip-tls-verify). Tests and local clusters only.</summary>
    public bool InsecureSkipTlsVerify { get; init; }

    public WireFormat Format { get; init; } = WireFormat.MessagePack;

    /// <summary>"rorch-controller-manager/1.2.3": the server derives the default field manager from the part before '/'.</summary>
    public string UserAgent { get; init; } = "rorch-client";

    /// <summary>
    /// Bound of one attempt of a call, from sending to the last byte of the reply (for a watch: to the reply's
    /// headers). An attempt that runs out is a 504 Timeout result; it is not retried on another server, because a
    /// write may have been committed.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound of opening a connection; a server that cannot be reached in time is skipped for the next.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The kinds the client can address (URL paths come from their descriptors).</summary>
    public ApiCatalog Catalog { get; init; } = ApiCatalog.Default;
}
