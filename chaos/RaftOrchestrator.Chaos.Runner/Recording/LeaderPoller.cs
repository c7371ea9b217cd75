using RaftOrchestrator.Chaos.Cluster.Cluster;

namespace RaftOrchestrator.Chaos.Runner.Recording;

/// <summary>
/// Polls who leads (Maintenance Status over the members' direct ports) every Interval and keeps each change, for the
/// report's timeline. One task runs it; <see cref="Changes"/> is read after it stopped.
/// </summary>
internal sealed class LeaderPoller(ChaosCluster cluster, RunClock clock)
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(300);

    private readonly List<LeaderChange> _changes = [];

    public IReadOnlyList<LeaderChange> Changes => _changes;

    public async Task RunAsync(CancellationToken ct)
    {
        string? last = "";
        while (!ct.IsCancellationRequested)
        {
            try
            {
                ChaosMember? leader = await cluster.LeaderAsync(ct);
                if (leader?.Name != last)
                {
                    last = leader?.Name;
                    _changes.Add(new LeaderChange(clock.Seconds(clock.Now()), last));
                }
                await Task.Delay(s_interval, clock.Time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or IOException)
            {
                // A member exiting between the check and the call: the next poll asks again.
            }
        }
    }
}
