using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client.Informers;
using RaftOrchestrator.Controllers.Framework;

namespace RaftOrchestrator.Controllers.GarbageCollection;

/// <summary>
/// Makes the typed <see cref="KindMonitor{T}"/> of a catalog descriptor (the visitor recovers T without
/// reflection). A watched kind gets the shared informer, a queue and the graph's change handler.
/// </summary>
internal sealed class KindMonitorFactory(ControllerContext context, DependencyGraph graph, bool watch) : IResourceDescriptorVisitor<IKindMonitor>
{
    public IKindMonitor Visit<T>(ResourceDescriptor<T> descriptor) where T : class, IKubernetesObject, new()
    {
        IInformer<T>? informer = watch ? context.Informers.For<T>() : null;
        var monitor = new KindMonitor<T>(descriptor, context.Client.Resource<T>(), informer,
            watch ? context.NewQueue("garbagecollector-" + descriptor.QualifiedPlural) : null);
        informer?.AddHandler(new GraphChangeHandler<T>(monitor, graph));
        return monitor;
    }
}
