using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.InMemory;

public sealed partial class InMemoryClusterClientTests
{
    [Fact]
    public async Task List_ByNamespaceAndLabelSelector()
    {
        _client.Seed(TestObjects.Pod("a", "p1", Labels("app", "web")));
        _client.Seed(TestObjects.Pod("a", "p2", Labels("app", "db")));
        _client.Seed(TestObjects.Pod("b", "p3", Labels("app", "web")));

        ObjectList<Pod> all = (await Pods.ListAsync(null, cancellationToken: Ct)).Unwrap();
        ObjectList<Pod> inA = (await Pods.ListAsync("a", cancellationToken: Ct)).Unwrap();
        ObjectList<Pod> web = (await Pods.ListAsync(null, new ListRequest { LabelSelector = "app=web" }, Ct)).Unwrap();

        Assert.Equal(3, all.Items.Count);
        Assert.Equal(["p1", "p2"], inA.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["p1", "p3"], web.Items.Select(p => p.Metadata.Name));
        Assert.Equal("PodList", all.Kind);
        Assert.Equal(_client.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture), all.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task List_FieldSelectorOnNodeNameAndName()
    {
        _client.Seed(TestObjects.Pod("a", "p1", nodeName: "n1"));
        _client.Seed(TestObjects.Pod("a", "p2", nodeName: "n2"));
        _client.Seed(TestObjects.Pod("a", "p3"));

        ObjectList<Pod> onN1 = (await Pods.ListAsync(null, new ListRequest { FieldSelector = "spec.nodeName=n1" }, Ct)).Unwrap();
        ObjectList<Pod> unbound = (await Pods.ListAsync(null, new ListRequest { FieldSelector = "spec.nodeName=" }, Ct)).Unwrap();
        ObjectList<Pod> named = (await Pods.ListAsync(null, new ListRequest { FieldSelector = "metadata.name!=p1,metadata.namespace=a" }, Ct)).Unwrap();

        Assert.Equal(["p1"], onN1.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["p3"], unbound.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["p2", "p3"], named.Items.Select(p => p.Metadata.Name));
    }

    [Fact]
    public async Task List_UnsupportedFieldOrBadSelector_IsBadRequest()
    {
        ApiResult<ObjectList<Pod>> field = await Pods.ListAsync(null, new ListRequest { FieldSelector = "spec.priority=1" }, Ct);
        ApiResult<ObjectList<Pod>> label = await Pods.ListAsync(null, new ListRequest { LabelSelector = "app in (" }, Ct);
        Assert.Equal(400, field.Code);
        Assert.Equal(400, label.Code);
    }

    [Fact]
    public async Task List_Paged_IsOneSnapshotEvenWithWritesBetweenPages()
    {
        for (int i = 0; i < 5; i++)
        {
            _client.Seed(TestObjects.Pod("default", $"p{i}"));
        }
        ObjectList<Pod> first = (await Pods.ListAsync(null, new ListRequest { Limit = 2 }, Ct)).Unwrap();
        await Pods.DeleteAsync("default", "p3", cancellationToken: Ct);
        _client.Seed(TestObjects.Pod("default", "p9"));
        var names = first.Items.Select(p => p.Metadata.Name!).ToList();
        string? token = first.Metadata.Continue;
        Assert.Equal(3, first.Metadata.RemainingItemCount);
        while (token is not null)
        {
            ObjectList<Pod> page = (await Pods.ListAsync(null, new ListRequest { Limit = 2, Continue = token }, Ct)).Unwrap();
            Assert.Equal(first.Metadata.ResourceVersion, page.Metadata.ResourceVersion);
            names.AddRange(page.Items.Select(p => p.Metadata.Name!));
            token = page.Metadata.Continue;
        }
        Assert.Equal(["p0", "p1", "p2", "p3", "p4"], names);
    }

    [Fact]
    public async Task List_ContinueBelowTheCompactionPoint_IsGone()
    {
        for (int i = 0; i < 3; i++)
        {
            _client.Seed(TestObjects.Pod("default", $"p{i}"));
        }
        ObjectList<Pod> first = (await Pods.ListAsync(null, new ListRequest { Limit = 1 }, Ct)).Unwrap();
        _client.Seed(TestObjects.Pod("default", "later"));
        _client.Compact();
        ApiResult<ObjectList<Pod>> next = await Pods.ListAsync(null, new ListRequest { Limit = 1, Continue = first.Metadata.Continue }, Ct);
        Assert.True(next.IsGone, next.ToString());
    }

    [Fact]
    public async Task List_ExactRevision_ReadsThePast()
    {
        _client.Seed(TestObjects.Pod("default", "a"));
        string then = _client.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _client.Seed(TestObjects.Pod("default", "b"));
        ObjectList<Pod> past = (await Pods.ListAsync(null, new ListRequest { ResourceVersion = then, ResourceVersionMatch = "Exact" }, Ct)).Unwrap();
        Assert.Equal(["a"], past.Items.Select(p => p.Metadata.Name));
    }

    [Fact]
    public async Task Get_ReturnsAFreshCopyEachTime()
    {
        _client.Seed(TestObjects.Pod("default", "a"));
        Pod one = (await Pods.GetAsync("default", "a", Ct)).Unwrap();
        one.Metadata.Labels = Labels("changed", "locally");
        Pod two = (await Pods.GetAsync("default", "a", Ct)).Unwrap();
        Assert.Null(two.Metadata.Labels);
    }

    [Fact]
    public async Task Seed_KeepsTheGivenStatus_AndIsNotRecorded()
    {
        Pod pod = TestObjects.Pod("default", "a");
        pod.Status.Phase = "Running";
        Pod seeded = _client.Seed(pod);
        Assert.Equal("Running", seeded.Status.Phase);
        Assert.Equal("Running", (await Pods.GetAsync("default", "a", Ct)).Unwrap().Status.Phase);
        Assert.Empty(_client.Actions);
    }

    [Fact]
    public void ClusterScopedKinds_IgnoreTheNamespace()
    {
        Node node = _client.Seed(TestObjects.Node("n1"));
        Assert.Null(node.Metadata.Namespace);
        Assert.Single(_client.Objects<Node>("ignored"));
    }
}
