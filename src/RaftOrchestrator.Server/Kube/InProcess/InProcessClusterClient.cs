using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Server.Kube.Auth;

namespace RaftOrchestrator.Server.Kube.InProcess;

/// <summary>
/// The <see cref="Client.IClusterClient"/> of components embedded in a replica (controllers, the scheduler): an
/// <see cref="HttpClusterClient"/> speaking MessagePack to this replica's router through <see cref="InProcessHandler"/>,
/// so they pass through exactly what external clients do. Requests run as <see cref="DefaultUser"/>, trusted
/// without credentials. Follows this replica: on a follower, writes are forwarded to the leader as for any client.
/// </summary>
public sealed class InProcessClusterClient : HttpClusterClient
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "the client owns the handler (disposeHandler: true)")]
    public InProcessClusterClient(KubeApiRouter router, ILogger? logger = null, UserInfo? user = null, string userAgent = "rorch-controller-manager")
        : base(OptionsFor(userAgent), new InProcessHandler(router, user ?? DefaultUser), disposeHandler: true, logger)
    {
    }

    /// <summary>kube-controller-manager's identity, in the system:masters group.</summary>
    public static UserInfo DefaultUser { get; } = new("system:kube-controller-manager", "", ["system:masters", "system:authenticated"]);

    private static ClusterClientOptions OptionsFor(string userAgent) => new()
    {
        Servers = [new Uri("http://in-process")],
        Format = WireFormat.MessagePack,
        UserAgent = userAgent,
    };
}
