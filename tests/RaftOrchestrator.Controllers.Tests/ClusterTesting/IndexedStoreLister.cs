using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.ClusterTesting;

/// <summary>
/// A lister over the in-memory store itself, with the indexes a controller adds: a cache that is never stale, so
/// reconciler tests are deterministic. <see cref="InformerIndexes.Namespace"/> is built in.
/// </summary>
internal sealed class IndexedStoreLister<T>(InMemoryClusterClient client) : ILister<T> where T : class, IKubernetesObject, new()
{
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexes = new(StringComparer.Ordinal)
    {
        [InformerIndexes.Namespace] = value => [value.Metadata.Namespace ?? ""],
    };

    public void AddIndex(string name, Func<T, IEnumerable<string>> keys) => _indexes[name] = keys;

    public T? Get(string? @namespace, string name) => client.Objects<T>(@namespace).FirstOrDefault(o => o.Metadata.Name == name);

    public IReadOnlyList<T> List(string? @namespace = null, LabelSelectorMatcher? selector = null) =>
        [.. client.Objects<T>(@namespace).Where(o => selector?.Matches(o.Metadata.Labels) ?? true)];

    public IReadOnlyList<T> ByIndex(string index, string value) =>
        [.. client.Objects<T>().Where(o => _indexes[index](o).Contains(value, StringComparer.Ordinal))];
}
