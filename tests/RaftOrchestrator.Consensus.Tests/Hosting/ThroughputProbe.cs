using System.Diagnostics;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.Consensus.Replication;
using static RaftOrchestrator.Consensus.Tests.Hosting.Kv;

namespace RaftOrchestrator.Consensus.Tests.Hosting;

public sealed class ThroughputProbe(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(256)]
    public async Task Probe(int writers)
    {
        await using InProcessCluster cluster = await InProcessCluster.StartAsync(3, TestContext.Current.CancellationToken);
        ReplicatedStore leader = await cluster.WaitForLeaderAsync(TestContext.Current.CancellationToken);
        async Task RunAsync(int total)
        {
            int next = 0;
            await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
            {
                while (Interlocked.Increment(ref next) <= total)
                {
                    ProposalOutcome o = await leader.TxnAsync(Put($"/p/{w}/{next}", new string('x', 256)), default);
                    Assert.True(o.IsApplied);
                }
            }));
        }
        await RunAsync(3000);
        var sw = Stopwatch.StartNew();
        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        await RunAsync(10000);
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        output.WriteLine($"writers={writers} ops/s={10000 / sw.Elapsed.TotalSeconds:F0} cpu_ms_per_op={cpu.TotalMilliseconds / 10000:F3}");
    }
}
