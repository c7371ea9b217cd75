using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Server.Kube.Auth;

namespace RaftOrchestrator.Server.Kube.Admission;

/// <summary>One write as admission plugins see it. <see cref="NewObject"/> may be changed in place by mutating plugins only.</summary>
public sealed record AdmissionRequest(
    AdmissionOperation Operation,
    ResourceDescriptor Resource,
    string? Subresource,
    IKubernetesObject? NewObject,
    IKubernetesObject? OldObject,
    string? Namespace,
    string Name,
    UserInfo User,
    bool DryRun);
