using RaftOrchestrator.Api.Authentication;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Server.Tests.Harness;

namespace RaftOrchestrator.Server.Tests;

/// <summary>HTTPS: the server's kubeconfig (its certificate as the authority, the admin token), a wrong authority, skip-verify.</summary>
public sealed class HttpClusterClientTlsTests(TlsServerFixture server) : IClassFixture<TlsServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(WireFormat.MessagePack)]
    [InlineData(WireFormat.Json)]
    public async Task FromKubeconfig_Https_TrustsTheServerAndSendsTheAdminToken(WireFormat format)
    {
        await using HttpClusterClient client = HttpClusterClient.FromKubeconfig(server.Kubeconfig, "rorch-contract-tests/1.0", format);

        ApiResult<SelfSubjectReview> review = await client.Resource<SelfSubjectReview>().CreateAsync(new SelfSubjectReview(), cancellationToken: Ct);

        Assert.True(review.IsOk, review.ToString());
        Assert.Equal("admin", review.Value.Status!.UserInfo!.Username);
        Assert.Equal("https", client.Options.Servers[0].Scheme);
    }

    [Fact]
    public async Task Https_TrustingAnotherAuthority_IsServiceUnavailable_AndSkipVerifyConnects()
    {
        ClusterClientOptions options = KubeconfigReader.Read(server.Kubeconfig, "rorch-contract-tests/1.0");
        await using var distrusting = new HttpClusterClient(options with { CertificateAuthorityPem = server.OtherCertificatePem });
        await using var skipping = new HttpClusterClient(options with { CertificateAuthorityPem = null, InsecureSkipTlsVerify = true });

        ApiResult<SelfSubjectReview> refused = await distrusting.Resource<SelfSubjectReview>().CreateAsync(new SelfSubjectReview(), cancellationToken: Ct);
        ApiResult<SelfSubjectReview> accepted = await skipping.Resource<SelfSubjectReview>().CreateAsync(new SelfSubjectReview(), cancellationToken: Ct);

        Assert.Equal(503, refused.Code);
        Assert.True(accepted.IsOk, accepted.ToString());
    }
}
