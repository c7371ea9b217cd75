using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Server.Tests.Contract;

public abstract partial class ClusterClientContractTests
{
    [Fact]
    public async Task Create_ThenGet_RoundTripsWithUidResourceVersionAndCreationTimestamp()
    {
        string ns = await NamespaceAsync("roundtrip");
        ConfigMap sent = Map(ns, "one", new() { ["app"] = "web" }, new() { ["multi"] = "line\nbreak é", ["k"] = "v" });

        ApiResult<ConfigMap> created = await Client.Resource<ConfigMap>().CreateAsync(sent, cancellationToken: Ct);
        ApiResult<ConfigMap> read = await Client.Resource<ConfigMap>().GetAsync(ns, "one", Ct);

        Assert.True(created.IsOk, created.ToString());
        Assert.True(read.IsOk, read.ToString());
        Assert.False(string.IsNullOrEmpty(created.Value.Metadata.Uid));
        Assert.True(Revision(created.Value.Metadata.ResourceVersion) > 0);
        Assert.NotNull(created.Value.Metadata.CreationTimestamp);
        Assert.Equal(created.Value.Metadata.Uid, read.Value.Metadata.Uid);
        Assert.Equal(created.Value.Metadata.ResourceVersion, read.Value.Metadata.ResourceVersion);
        Assert.Equal(created.Value.Metadata.CreationTimestamp, read.Value.Metadata.CreationTimestamp);
        Assert.Equal(ns, read.Value.Metadata.Namespace);
        Assert.Equal("web", read.Value.Metadata.Labels!["app"]);
        Assert.Equal("line\nbreak é", read.Value.Data!["multi"]);
    }

    [Fact]
    public async Task Create_WithGenerateName_ServerPicksAName()
    {
        string ns = await NamespaceAsync("generate");
        var value = new ConfigMap { Metadata = new ObjectMeta { Namespace = ns, GenerateName = "gen-" } };

        ConfigMap first = await CreatedAsync(value);
        ConfigMap second = await CreatedAsync(new ConfigMap { Metadata = new ObjectMeta { Namespace = ns, GenerateName = "gen-" } });

        Assert.StartsWith("gen-", first.Metadata.Name, StringComparison.Ordinal);
        Assert.True(first.Metadata.Name!.Length > "gen-".Length);
        Assert.NotEqual(first.Metadata.Name, second.Metadata.Name);
        Assert.True((await Client.Resource<ConfigMap>().GetAsync(ns, first.Metadata.Name, Ct)).IsOk);
    }

    [Fact]
    public async Task Get_Missing_IsNotFound()
    {
        string ns = await NamespaceAsync("missing");

        ApiResult<ConfigMap> read = await Client.Resource<ConfigMap>().GetAsync(ns, "nothing-here", Ct);

        Assert.False(read.IsOk);
        Assert.True(read.IsNotFound, read.ToString());
        Assert.Equal("NotFound", read.Reason);
        Assert.Contains("nothing-here", read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithLabelAndFieldSelectors_ReturnsOnlyMatches()
    {
        string ns = await NamespaceAsync("selectors");
        await CreatedAsync(Map(ns, "blue-1", new() { ["color"] = "blue" }));
        await CreatedAsync(Map(ns, "blue-2", new() { ["color"] = "blue" }));
        await CreatedAsync(Map(ns, "red-1", new() { ["color"] = "red" }));
        IResourceClient<ConfigMap> maps = Client.Resource<ConfigMap>();

        ApiResult<ObjectList<ConfigMap>> blue = await maps.ListAsync(ns, new ListRequest { LabelSelector = "color=blue" }, Ct);
        ApiResult<ObjectList<ConfigMap>> notBlue = await maps.ListAsync(ns, new ListRequest { LabelSelector = "color!=blue" }, Ct);
        ApiResult<ObjectList<ConfigMap>> byName = await maps.ListAsync(ns, new ListRequest { FieldSelector = "metadata.name=blue-2" }, Ct);
        ApiResult<ObjectList<ConfigMap>> both = await maps.ListAsync(ns, new ListRequest { LabelSelector = "color=blue", FieldSelector = "metadata.name!=blue-2" }, Ct);
        ApiResult<ObjectList<ConfigMap>> everywhere = await maps.ListAsync(null, new ListRequest { FieldSelector = $"metadata.namespace={ns}" }, Ct);

        Assert.Equal(["blue-1", "blue-2"], blue.Value!.Items.Select(m => m.Metadata.Name!).Order(StringComparer.Ordinal));
        Assert.Equal(["red-1"], notBlue.Value!.Items.Select(m => m.Metadata.Name));
        Assert.Equal(["blue-2"], byName.Value!.Items.Select(m => m.Metadata.Name));
        Assert.Equal(["blue-1"], both.Value!.Items.Select(m => m.Metadata.Name));
        Assert.Equal(3, everywhere.Value!.Items.Count);
        Assert.All(blue.Value.Items, m => Assert.False(string.IsNullOrEmpty(m.Metadata.ResourceVersion)));
        Assert.True(Revision(blue.Value.Metadata.ResourceVersion) >= blue.Value.Items.Max(m => Revision(m.Metadata.ResourceVersion)));
    }

    [Fact]
    public async Task List_WithLimit_PagesThroughEverythingWithContinue()
    {
        string ns = await NamespaceAsync("paging");
        for (int i = 0; i < 5; i++)
        {
            await CreatedAsync(Map(ns, $"page-{i}"));
        }
        IResourceClient<ConfigMap> maps = Client.Resource<ConfigMap>();
        var names = new List<string>();
        var versions = new HashSet<string>();
        string? token = null;
        int pages = 0;
        do
        {
            ApiResult<ObjectList<ConfigMap>> page = await maps.ListAsync(ns, new ListRequest { Limit = 2, Continue = token }, Ct);
            Assert.True(page.IsOk, page.ToString());
            Assert.True(page.Value.Items.Count <= 2);
            names.AddRange(page.Value.Items.Select(m => m.Metadata.Name!));
            versions.Add(page.Value.Metadata.ResourceVersion!);
            token = page.Value.Metadata.Continue;
            pages++;
        }
        while (!string.IsNullOrEmpty(token) && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal([.. Enumerable.Range(0, 5).Select(i => $"page-{i}")], names);
        Assert.Single(versions);
    }
}
