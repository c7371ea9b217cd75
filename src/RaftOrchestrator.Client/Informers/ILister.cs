using RaftOrchestrator.Api.Selectors;

namespace RaftOrchestrator.Client.Informers;

/// <summary>
/// Reads of an informer's local cache. Every object returned is shared with the cache and other controllers:
/// never change one; copy it (<c>ObjectCopy.Clone</c>) before writing it back.
/// </summary>
public interface ILister<T> where T : class
{
    T? Get(string? @namespace, string name);

    /// <summary>Objects of one namespace (null: all), optionally filtered by a label selector.</summary>
    IReadOnlyList<T> List(string? @namespace = null, LabelSelectorMatcher? selector = null);

    /// <summary>Objects whose index function produced <paramref name="value"/> for the named index.</summary>
    IReadOnlyList<T> ByIndex(string index, string value);
}
