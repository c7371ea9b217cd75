namespace RaftOrchestrator.Scheduling.Plugins.Topology;

/// <summary>
/// Namespace labels for namespaceSelector terms, fed by the driver from its namespace informer (kube-scheduler reads
/// a namespace lister). Must answer the same for the same input during one cycle; null for an unknown namespace.
/// </summary>
public interface INamespaceLister
{
    IReadOnlyDictionary<string, string>? Labels(string @namespace);
}
