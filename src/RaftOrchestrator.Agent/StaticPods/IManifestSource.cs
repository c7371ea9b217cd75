using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>One of the kubelet's static pod sources (a manifest path, a manifest URL), read again and again.</summary>
internal interface IManifestSource
{
    /// <summary>The config.source value of its pods: "file" or "http".</summary>
    string Name { get; }

    /// <summary>Where it reads from, for logs.</summary>
    string Location { get; }

    /// <summary>
    /// Reads the source: every pod it now describes, or null when there is nothing new to say (it could not be read,
    /// or it is unchanged), so the pods it gave last stay. <paramref name="relist"/>: a periodic full read, as
    /// opposed to one a change notification asked for (see <see cref="ManifestDirectory"/> for the difference).
    /// </summary>
    Task<IReadOnlyList<Pod>?> ReadAsync(bool relist, CancellationToken cancellationToken);
}
