using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>
/// The kubelet's pod annotations for static pods (kubetypes): where a pod came from, the hash that names its
/// content, when the agent first saw it, and, on a mirror pod in the API, the hash of the static pod it mirrors.
/// The hash is the static pod's uid (the uid is generated from the manifest), so a mirror whose
/// <see cref="Mirror"/> value equals a static pod's uid mirrors exactly that version of it.
/// </summary>
public static class StaticPodAnnotations
{
    /// <summary>kubernetes.io/config.source: "file" or "http" on static pods ("api" for the others, never written).</summary>
    public const string Source = "kubernetes.io/config.source";

    /// <summary>kubernetes.io/config.hash: the static pod's uid.</summary>
    public const string Hash = "kubernetes.io/config.hash";

    /// <summary>kubernetes.io/config.seen: when this agent first saw the static pod (RFC 3339 with nanoseconds).</summary>
    public const string Seen = "kubernetes.io/config.seen";

    /// <summary>kubernetes.io/config.mirror: on a mirror pod, the hash of its static pod.</summary>
    public const string Mirror = "kubernetes.io/config.mirror";

    public const string FileSource = "file";

    public const string HttpSource = "http";

    /// <summary>A pod the agent runs from a manifest (file or http source), not from the API.</summary>
    public static bool IsStatic(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata.Annotations?.GetValueOrDefault(Source) is FileSource or HttpSource;
    }

    /// <summary>An API pod that mirrors a static pod (it has the mirror annotation, whatever its value).</summary>
    public static bool IsMirror(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata.Annotations?.ContainsKey(Mirror) == true;
    }

    /// <summary>The mirror annotation's value (the static pod's hash), or null when the pod is no mirror.</summary>
    public static string? MirrorHash(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata.Annotations?.GetValueOrDefault(Mirror);
    }

    /// <summary>
    /// The pod as the API has it is the agent's pod of uid <paramref name="uid"/>: the same object, or the mirror of
    /// the static pod of that uid (the kubelet's status manager translates a mirror's uid the same way).
    /// </summary>
    public static bool Represents(Pod apiPod, string uid)
    {
        ArgumentNullException.ThrowIfNull(apiPod);
        return apiPod.Metadata.Uid == uid || (MirrorHash(apiPod) is { Length: > 0 } hash && hash == uid);
    }
}
