using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client;
using RaftOrchestrator.Controllers.Namespaces;
using RaftOrchestrator.Controllers.Tests.ClusterTesting;

namespace RaftOrchestrator.Controllers.Tests.Namespaces;

public sealed class NamespaceControllerTests
{
    [Fact]
    public async Task Handler_OnlyTerminatingNamespacesAreQueued()
    {
        var h = new ClusterHarness();
        var controller = new NamespaceController();
        controller.Register(h.Context);
        var active = new Namespace { Metadata = { Name = "active" } };
        var terminating = new Namespace { Metadata = { Name = "terminating", DeletionTimestamp = h.Now } };

        h.Informers.Get<Namespace>().Added(active);
        h.Informers.Get<Namespace>().Updated(active, terminating);

        Assert.Equal("namespace", controller.Name);
        Assert.Equal([new ObjectKey(null, "terminating")], await h.DrainAsync("namespace"));
    }
}
