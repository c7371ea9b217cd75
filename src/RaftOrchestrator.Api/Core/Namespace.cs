using System.Diagnostics.CodeAnalysis;
using MessagePack;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// core/v1 Namespace (cluster-scoped). Its finalizers live in spec: the "kubernetes" finalizer holds deletion until
/// the namespace's content is gone.
/// </summary>
// CA1716 is about Visual Basic keywords; the type is named as the Kubernetes kind it models.
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Kubernetes kind name")]
[MessagePackObject]
public sealed class Namespace : IKubernetesObject
{
    [Key(0)] public string? ApiVersion { get; set; }

    [Key(1)] public string? Kind { get; set; }

    [Key(2)] public ObjectMeta Metadata { get; set; } = new();

    [Key(3)] public NamespaceSpec? Spec { get; set; }

    [Key(4)] public NamespaceStatus? Status { get; set; }
}
