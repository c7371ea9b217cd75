using ZLogger;

namespace RaftOrchestrator.Server.Kube;

/// <summary>Log events of the Kubernetes API (ids 8500-8599 of the server's block).</summary>
internal static partial class KubeLog
{
    [ZLoggerMessage(8500, LogLevel.Error, "{Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [ZLoggerMessage(8501, LogLevel.Information, "Kubernetes API on {Url}; kubeconfig written to {Kubeconfig}")]
    public static partial void Serving(ILogger logger, string url, string kubeconfig);

    [ZLoggerMessage(8502, LogLevel.Error, "the embedded node agent of {Node} stopped; this replica keeps serving without it")]
    public static partial void EmbeddedAgentFailed(ILogger logger, string node, Exception exception);
}
