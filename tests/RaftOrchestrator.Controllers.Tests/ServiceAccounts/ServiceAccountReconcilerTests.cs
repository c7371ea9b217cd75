using Microsoft.Extensions.Logging.Abstractions;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Framework;
using RaftOrchestrator.Controllers.ServiceAccounts;
using RaftOrchestrator.Controllers.Tests.ClusterTesting;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.ServiceAccounts;

public sealed class ServiceAccountReconcilerTests
{
    private readonly ClusterHarness _h = new();
    private readonly ServiceAccountReconciler _reconciler;

    public ServiceAccountReconcilerTests() =>
        _reconciler = new ServiceAccountReconciler(_h.Client, new IndexedStoreLister<Namespace>(_h.Client), new IndexedStoreLister<ServiceAccount>(_h.Client),
            ServiceAccountController.DefaultAccounts, NullLogger.Instance);

    private ValueTask<ReconcileResult> ReconcileAsync(string ns) => _reconciler.ReconcileAsync(new ObjectKey(null, ns), ClusterHarness.Token);

    private IReadOnlyList<string> Accounts(string ns) => [.. _h.Client.Objects<ServiceAccount>(ns).Select(a => a.Metadata.Name!)];

    [Fact]
    public async Task ActiveNamespace_DefaultAccountCreated()
    {
        _h.Client.Seed(new Namespace { Metadata = { Name = "team" } });

        ReconcileResult result = await ReconcileAsync("team");

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Equal(["default"], Accounts("team"));
    }

    [Fact]
    public async Task DefaultAccountDeleted_Recreated()
    {
        _h.Client.Seed(new Namespace { Metadata = { Name = "team" } });
        await ReconcileAsync("team");
        string firstUid = _h.Client.Objects<ServiceAccount>("team").Single().Metadata.Uid!;
        (await _h.Client.Resource<ServiceAccount>().DeleteAsync("team", "default", cancellationToken: ClusterHarness.Token)).Unwrap();

        await ReconcileAsync("team");

        ServiceAccount again = _h.Client.Objects<ServiceAccount>("team").Single();
        Assert.Equal("default", again.Metadata.Name);
        Assert.NotEqual(firstUid, again.Metadata.Uid);
    }

    [Fact]
    public async Task ExistingAccount_NothingWritten()
    {
        _h.Client.Seed(new Namespace { Metadata = { Name = "team" } });
        _h.Client.Seed(new ServiceAccount { Metadata = { Namespace = "team", Name = "default", Labels = new() { ["mine"] = "yes" } } });

        await ReconcileAsync("team");

        Assert.Empty(_h.Client.Actions);
        Assert.Equal("yes", _h.Client.Objects<ServiceAccount>("team").Single().Metadata.Labels!["mine"]);
    }

    [Fact]
    public async Task TerminatingOrMissingNamespace_NoAccount()
    {
        _h.Client.Seed(new Namespace { Metadata = { Name = "leaving" } });
        (await _h.Client.Resource<Namespace>().DeleteAsync(null, "leaving", cancellationToken: ClusterHarness.Token)).Unwrap();

        ReconcileResult leaving = await ReconcileAsync("leaving");
        ReconcileResult missing = await ReconcileAsync("missing");

        Assert.Equal(ReconcileResult.Done, leaving);
        Assert.Equal(ReconcileResult.Done, missing);
        Assert.Empty(_h.Client.Objects<ServiceAccount>());
    }

    [Fact]
    public async Task CreateRefusedAsTerminating_DoneNotRetried()
    {
        _h.Client.Seed(new Namespace { Metadata = { Name = "racing" } });
        _h.Client.FailNext(InMemoryVerb.Create, new Status { Code = 403, Reason = "Forbidden", Message = "namespace racing is being terminated" });

        ReconcileResult result = await ReconcileAsync("racing");

        Assert.Equal(ReconcileResult.Done, result);
    }

    [Fact]
    public async Task CreateFailsOtherwise_Retried()
    {
        _h.Client.Seed(new Namespace { Metadata = { Name = "flaky" } });
        _h.Client.FailNext(InMemoryVerb.Create, new Status { Code = 503, Reason = "ServiceUnavailable", Message = "no leader" });

        ReconcileResult result = await ReconcileAsync("flaky");

        Assert.True(result.Failed);
        Assert.Empty(Accounts("flaky"));
    }
}
