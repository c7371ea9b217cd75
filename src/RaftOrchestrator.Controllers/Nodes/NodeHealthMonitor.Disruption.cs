using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Controllers.Nodes;

public sealed partial class NodeHealthMonitor
{
    private readonly Dictionary<string, ZoneState> _zoneStates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ZoneTainter> _tainters = new(StringComparer.Ordinal);

    /// <summary>The zones' states after the last pass (for tests and diagnostics).</summary>
    public IReadOnlyDictionary<string, ZoneState> ZoneStates => _zoneStates;

    /// <summary>
    /// A zone's state from its nodes' Ready statuses (null: none posted): full disruption when none is ready, partial
    /// when more than two are not ready and they are at least <paramref name="unhealthyThreshold"/> of the zone.
    /// </summary>
    public static ZoneState ComputeZoneState(IReadOnlyCollection<string?> readyStatuses, double unhealthyThreshold)
    {
        ArgumentNullException.ThrowIfNull(readyStatuses);
        int ready = readyStatuses.Count(s => s == "True");
        int notReady = readyStatuses.Count - ready;
        if (ready == 0 && notReady > 0)
        {
            return ZoneState.FullDisruption;
        }
        return notReady > 2 && (double)notReady / readyStatuses.Count >= unhealthyThreshold ? ZoneState.PartialDisruption : ZoneState.Normal;
    }

    private void EnsureZone(string zone)
    {
        if (!_tainters.ContainsKey(zone))
        {
            _tainters[zone] = new ZoneTainter(_options.NodeEvictionRate, _time);
        }
    }

    /// <summary>
    /// Kubernetes' handleDisruption: sets each zone's tainting rate from its state. A fully disrupted zone among
    /// healthy ones taints at the normal rate (its nodes are really gone, their pods should move). When every zone is
    /// fully disrupted the controller assumes it is the one cut off, not the nodes: it removes every NoExecute taint
    /// and stops tainting, until some node is ready again; then every node gets a fresh grace period.
    /// </summary>
    private async Task HandleDisruptionAsync(Dictionary<string, List<string?>> zoneReadiness, Node[] nodes, CancellationToken cancellationToken)
    {
        var newStates = new Dictionary<string, ZoneState>(StringComparer.Ordinal);
        bool allAreFullyDisrupted = true;
        foreach ((string zone, List<string?> statuses) in zoneReadiness)
        {
            ZoneState state = ComputeZoneState(statuses, _options.UnhealthyZoneThreshold);
            newStates[zone] = state;
            allAreFullyDisrupted &= state == ZoneState.FullDisruption;
            _zoneStates.TryAdd(zone, ZoneState.Initial);
            EnsureZone(zone);
        }
        bool allWereFullyDisrupted = true;
        foreach ((string zone, ZoneState state) in _zoneStates.ToArray())
        {
            if (!zoneReadiness.ContainsKey(zone))
            {
                _zoneStates.Remove(zone);
                continue;
            }
            allWereFullyDisrupted &= state == ZoneState.FullDisruption;
        }
        if (allAreFullyDisrupted && allWereFullyDisrupted)
        {
            return;
        }
        if (allAreFullyDisrupted)
        {
            NodeLifecycleLog.EnteringFullDisruption(_logger, nodes.Length);
            foreach (Node node in nodes)
            {
                await MarkReachableAsync(node, cancellationToken);
            }
            foreach (string zone in _zoneStates.Keys.ToArray())
            {
                _tainters[zone].SwapRate(0);
                _zoneStates[zone] = ZoneState.FullDisruption;
            }
            return;
        }
        if (allWereFullyDisrupted)
        {
            NodeLifecycleLog.ExitingFullDisruption(_logger, nodes.Length);
            DateTimeOffset now = _time.GetUtcNow();
            foreach (string name in _health.Keys.ToArray())
            {
                _health[name] = _health[name] with { ProbeTimestamp = now, ReadyTransitionTimestamp = now };
            }
        }
        foreach (string zone in _zoneStates.Keys.ToArray())
        {
            ZoneState state = newStates[zone];
            if (_zoneStates[zone] == state && !allWereFullyDisrupted)
            {
                continue;
            }
            NodeLifecycleLog.ZoneStateChanged(_logger, zone, state.ToString());
            _tainters[zone].SwapRate(RateFor(state, zoneReadiness[zone].Count));
            _zoneStates[zone] = state;
        }
    }

    private double RateFor(ZoneState state, int zoneSize) => state switch
    {
        ZoneState.PartialDisruption => zoneSize > _options.LargeClusterSizeThreshold ? _options.SecondaryNodeEvictionRate : 0,
        _ => _options.NodeEvictionRate,
    };
}
