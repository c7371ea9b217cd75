using FsCheck.Xunit;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Client.Informers;

namespace RaftOrchestrator.Client.Tests.Informers;

/// <summary>After any sequence of upserts, removes and replaces, every index answers what a scan of the model answers.</summary>
public sealed class IndexerPropertyTests
{
    private static readonly string[] s_namespaces = ["a", "b"];
    private static readonly string[] s_apps = ["web", "db", "cache"];

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public void Indexes_AlwaysAgreeWithAScan(int[] ops)
    {
        var indexer = new Indexer<ConfigMap>();
        var model = new Dictionary<ObjectKey, ConfigMap>();
        int version = 0;
        foreach (int op in ops)
        {
            int n = Math.Abs(op);
            string ns = s_namespaces[n % 2];
            string name = $"m{(n / 2) % 4}";
            var key = new ObjectKey(ns, name);
            switch ((n / 8) % 4)
            {
                case 0 or 1:
                    string? app = (n / 32) % 4 == 3 ? null : s_apps[(n / 32) % 4];
                    ConfigMap map = IndexerTests.Map(name, $"{++version}", app, ns);
                    indexer.Upsert(map);
                    model[key] = map;
                    break;
                case 2:
                    indexer.Remove(key);
                    model.Remove(key);
                    break;
                default:
                    // A relist that keeps every other object, renewing them.
                    ConfigMap[] kept = [.. model.Values.Where((_, i) => i % 2 == 0).Select(m => IndexerTests.Map(m.Metadata.Name!, $"{++version}", m.Metadata.Labels?["app"], m.Metadata.Namespace!))];
                    indexer.Replace(kept);
                    model = kept.ToDictionary(ObjectKey.Of);
                    break;
            }
            Check(indexer, model);
        }
    }

    private static void Check(Indexer<ConfigMap> indexer, Dictionary<ObjectKey, ConfigMap> model)
    {
        Assert.Equal(model.Count, indexer.Count);
        foreach (string ns in s_namespaces)
        {
            Assert.Equal(Keys(model.Values.Where(m => m.Metadata.Namespace == ns)), Keys(indexer.ByIndex(InformerIndexes.Namespace, ns)));
        }
        foreach (string app in s_apps)
        {
            Assert.Equal(
                Keys(model.Values.Where(m => m.Metadata.Labels?.GetValueOrDefault("app") == app)),
                Keys(indexer.ByIndex(InformerIndexes.Label, InformerIndexes.LabelValue("app", app))));
        }
        foreach ((ObjectKey key, ConfigMap map) in model)
        {
            Assert.Same(map, indexer.Get(key));
        }
    }

    private static string[] Keys(IEnumerable<ConfigMap> maps) => [.. maps.Select(m => ObjectKey.Of(m).ToString()).Order()];
}
