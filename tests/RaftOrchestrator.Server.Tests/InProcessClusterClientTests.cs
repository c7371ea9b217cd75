using RaftOrchestrator.Api.Authentication;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Client.Watching;
using RaftOrchestrator.Server.Tests.Harness;

namespace RaftOrchestrator.Server.Tests;

/// <summary>
/// What only the in-process client has: it runs as the trusted internal user without credentials, while requests
/// over the socket are still authenticated; and its replies stream (a watch answers before its first event).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class InProcessClusterClientTests(ServerFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SelfSubjectReview_InProcess_IsTheControllerManager()
    {
        ApiResult<SelfSubjectReview> review = await server.InProcess.Resource<SelfSubjectReview>().CreateAsync(new SelfSubjectReview(), cancellationToken: Ct);

        Assert.True(review.IsOk, review.ToString());
        Assert.Equal("system:kube-controller-manager", review.Value.Status!.UserInfo!.Username);
        Assert.Contains("system:masters", review.Value.Status.UserInfo.Groups!);
    }

    [Fact]
    public async Task SelfSubjectReview_OverTheSocket_IsWhoTheCredentialsSay()
    {
        await using HttpClusterClient anonymous = server.Http(WireFormat.MessagePack);
        await using HttpClusterClient forged = server.Http(WireFormat.MessagePack, token: "not-a-token");

        ApiResult<SelfSubjectReview> asAnonymous = await anonymous.Resource<SelfSubjectReview>().CreateAsync(new SelfSubjectReview(), cancellationToken: Ct);
        ApiResult<SelfSubjectReview> asForged = await forged.Resource<SelfSubjectReview>().CreateAsync(new SelfSubjectReview(), cancellationToken: Ct);
        ApiResult<Namespace> forgedRead = await forged.Resource<Namespace>().GetAsync(null, "default", Ct);

        Assert.True(asAnonymous.IsOk, asAnonymous.ToString());
        Assert.Equal("system:anonymous", asAnonymous.Value.Status!.UserInfo!.Username);
        Assert.Equal(401, asForged.Code);
        Assert.Equal(401, forgedRead.Code);
    }

    [Fact]
    public async Task Watch_InProcess_AnswersBeforeTheFirstEvent_AndStreamsLaterOnes()
    {
        IResourceClient<ConfigMap> maps = server.InProcess.Resource<ConfigMap>();
        Assert.True((await server.InProcess.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new() { Name = "ip-stream" } }, cancellationToken: Ct)).IsOk);
        string version = (await maps.ListAsync("ip-stream", cancellationToken: Ct)).Unwrap().Metadata.ResourceVersion!;

        ApiResult<IWatchStream<ConfigMap>> opened = await maps.WatchAsync("ip-stream", new WatchRequest { ResourceVersion = version, AllowBookmarks = false }, Ct)
            .WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.True(opened.IsOk, opened.ToString());
        await using IWatchStream<ConfigMap> watch = opened.Value;
        for (int i = 0; i < 3; i++)
        {
            Assert.True((await maps.CreateAsync(new ConfigMap { Metadata = new() { Namespace = "ip-stream", Name = $"s{i}" } }, cancellationToken: Ct)).IsOk);
            WatchEvent<ConfigMap>? next = await watch.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Equal($"s{i}", next?.Value?.Metadata.Name);
        }
    }
}
