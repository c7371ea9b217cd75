using System.Globalization;

namespace RaftOrchestrator.BindBench;

internal sealed record BindBenchResult(BindBenchSettings Settings, int Bound, int Refused, TimeSpan Elapsed, double BatchP50Ms, double BatchP99Ms)
{
    public double BindingsPerSecond => Bound / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"pods={Settings.Pods} nodes={Settings.Nodes} batch={Settings.BatchSize} inflight={Settings.Inflight}: bound {Bound}, refused {Refused} in {Elapsed.TotalSeconds:0.00} s = {BindingsPerSecond:N0} bindings/s; batch latency p50 {BatchP50Ms:0.0} ms p99 {BatchP99Ms:0.0} ms");
}
