using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Client.Tests.Informers;

public sealed class IndexerTests
{
    [Fact]
    public void Replace_ReportsAddsUpdatesAndDeletes_AgainstWhatWasStored()
    {
        var indexer = new Indexer<ConfigMap>();
        indexer.Upsert(Map("a", "1"));
        indexer.Upsert(Map("b", "1"));
        IReadOnlyList<CacheChange<ConfigMap>> changes = indexer.Replace([Map("a", "2"), Map("c", "1")]);

        Assert.Equal(
            ["update a 1->2", "add c", "delete b"],
            changes.Select(c => c switch
            {
                { Previous: null } => $"add {c.Current!.Metadata.Name}",
                { Current: null } => $"delete {c.Previous.Metadata.Name}",
                _ => $"update {c.Current.Metadata.Name} {c.Previous.Metadata.ResourceVersion}->{c.Current.Metadata.ResourceVersion}",
            }));
        Assert.Equal(["a", "c"], indexer.List().Select(m => m.Metadata.Name).Order());
        Assert.Equal(["a", "c"], indexer.ByIndex(InformerIndexes.Namespace, "default").Select(m => m.Metadata.Name).Order());
    }

    [Fact]
    public void Replace_SameResourceVersion_KeepsTheStoredInstance_AndReportsNothing()
    {
        var indexer = new Indexer<ConfigMap>();
        ConfigMap stored = Map("a", "1");
        indexer.Upsert(stored);
        Assert.Empty(indexer.Replace([Map("a", "1")]));
        Assert.Same(stored, indexer.Get("default", "a"));
    }

    [Fact]
    public void Upsert_MovesIndexEntries_RemoveClearsThem()
    {
        var indexer = new Indexer<ConfigMap>();
        indexer.Upsert(Map("a", "1", app: "web"));
        Assert.Null(indexer.Upsert(Map("b", "1", app: "web")));
        ConfigMap? replaced = indexer.Upsert(Map("a", "2", app: "db"));

        Assert.Equal("1", replaced?.Metadata.ResourceVersion);
        Assert.Equal(["b"], indexer.ByIndex(InformerIndexes.Label, "app=web").Select(m => m.Metadata.Name));
        Assert.Equal(["a"], indexer.ByIndex(InformerIndexes.Label, "app=db").Select(m => m.Metadata.Name));
        Assert.NotNull(indexer.Remove(new ObjectKey("default", "a")));
        Assert.Null(indexer.Remove(new ObjectKey("default", "a")));
        Assert.Empty(indexer.ByIndex(InformerIndexes.Label, "app=db"));
        Assert.Single(indexer.ByIndex(InformerIndexes.Namespace, "default"));
    }

    [Fact]
    public void ClusterScopedObjects_AreInTheEmptyNamespace()
    {
        var indexer = new Indexer<Node>();
        indexer.Upsert(TestObjects.Node("n1"));
        Assert.NotNull(indexer.Get(null, "n1"));
        Assert.NotNull(indexer.Get("", "n1"));
        Assert.Single(indexer.ByIndex(InformerIndexes.Namespace, ""));
    }

    [Fact]
    public void AddIndex_IndexesWhatIsStored_AndANameIsTakenOnce()
    {
        var indexer = new Indexer<ConfigMap>();
        indexer.Upsert(Map("a", "1"));
        indexer.AddIndex("rv", m => [m.Metadata.ResourceVersion ?? ""]);
        Assert.Single(indexer.ByIndex("rv", "1"));
        Assert.Throws<ArgumentException>(() => indexer.AddIndex("rv", _ => []));
        Assert.Throws<ArgumentException>(() => indexer.AddIndex(InformerIndexes.Label, _ => []));
    }

    internal static ConfigMap Map(string name, string resourceVersion, string? app = null, string ns = "default")
    {
        ConfigMap map = TestObjects.ConfigMap(ns, name);
        map.Metadata.ResourceVersion = resourceVersion;
        map.Metadata.Labels = app is null ? null : new() { ["app"] = app };
        return map;
    }
}
