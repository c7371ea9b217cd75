using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>An object of the dependency graph: its kind's monitor and its (cached, shared) metadata.</summary>
internal readonly record struct GraphNode(IKindMonitor Monitor, ObjectMeta Meta)
{
    public ObjectKey Key => KeyOf(Meta);

    public string Describe => $"{Monitor.Descriptor.QualifiedPlural} {Key}";

    public static ObjectKey KeyOf(ObjectMeta meta) => new(meta.Namespace is { Length: > 0 } ns ? ns : null, meta.Name ?? "");
}
