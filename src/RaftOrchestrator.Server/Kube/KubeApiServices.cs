using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Server.Kube.Admission;

namespace RaftOrchestrator.Server.Kube;

/// <summary>What every resource endpoint shares: the store, the clock, the catalog, the admission chain, the tunables.</summary>
public sealed class KubeApiServices(KubeStore store, TimeProvider time, ApiCatalog catalog, AdmissionChain admission, ILoggerFactory loggers, KubeApiOptions options)
{
    public KubeApiOptions Options => options;

    public KubeStore Store => store;

    public TimeProvider Time => time;

    public ApiCatalog Catalog => catalog;

    public AdmissionChain Admission => admission;

    public ILogger Logger { get; } = loggers.CreateLogger("RaftOrchestrator.Server.Kube");

    /// <summary>Now, truncated to whole seconds as metav1.Time serializes it (so what is stored is what is read back).</summary>
    public DateTime NowSeconds()
    {
        DateTime now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }
}
