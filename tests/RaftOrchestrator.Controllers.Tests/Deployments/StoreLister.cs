using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Selectors;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Controllers.Tests.Deployments;

/// <summary>A lister that reads the in-memory store itself: a cache that is never stale, so reconciler tests are deterministic.</summary>
internal sealed class StoreLister<T>(InMemoryClusterClient client) : ILister<T> where T : class, IKubernetesObject, new()
{
    public T? Get(string? @namespace, string name) => client.Objects<T>(@namespace).FirstOrDefault(o => o.Metadata.Name == name);

    public IReadOnlyList<T> List(string? @namespace = null, LabelSelectorMatcher? selector = null) =>
        [.. client.Objects<T>(@namespace).Where(o => selector?.Matches(o.Metadata.Labels) ?? true)];

    public IReadOnlyList<T> ByIndex(string index, string value) => throw new NotSupportedException("the deployment reconciler uses no index");
}
