using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Client.Informers;

/// <summary>The read side of an <see cref="Indexer{T}"/>: what controllers are given. Objects are shared with the cache.</summary>
public sealed class Lister<T>(Indexer<T> indexer) : ILister<T> where T : class, IKubernetesObject
{
    public T? Get(string? @namespace, string name) => indexer.Get(@namespace, name);

    public IReadOnlyList<T> List(string? @namespace = null, LabelSelectorMatcher? selector = null) =>
        indexer.List(string.IsNullOrEmpty(@namespace) ? null : @namespace, selector);

    public IReadOnlyList<T> ByIndex(string index, string value) => indexer.ByIndex(index, value);
}
