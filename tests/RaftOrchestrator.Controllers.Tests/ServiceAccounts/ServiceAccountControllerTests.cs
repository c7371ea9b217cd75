using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.ServiceAccounts;
using RaftOrchestrator.Controllers.Tests.ClusterTesting;

namespace RaftOrchestrator.Controllers.Tests.ServiceAccounts;

public sealed class ServiceAccountControllerTests
{
    [Fact]
    public async Task Handlers_NamespaceAndDeletedDefaultAccount_QueueTheNamespace()
    {
        var h = new ClusterHarness();
        var controller = new ServiceAccountController();
        controller.Register(h.Context);

        h.Informers.Get<Namespace>().Added(new Namespace { Metadata = { Name = "a" } });
        h.Informers.Get<ServiceAccount>().Deleted(new ServiceAccount { Metadata = { Namespace = "b", Name = "default" } });
        h.Informers.Get<ServiceAccount>().Deleted(new ServiceAccount { Metadata = { Namespace = "c", Name = "robot" } });

        Assert.Equal([new ObjectKey(null, "a"), new ObjectKey(null, "b")], await h.DrainAsync("serviceaccount"));
    }
}
