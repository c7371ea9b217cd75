using RaftOrchestrator.Chaos.Cluster.Cluster;
using RaftOrchestrator.Chaos.Cluster.Net;

namespace RaftOrchestrator.Chaos.Cluster.Faults;

/// <summary>
/// Runs planned faults on a <see cref="ChaosCluster"/>, one at a time: inject, hold for the duration, heal, then wait
/// (bounded) for a leader, and record it. The heal always runs (in a finally: killed members are restarted, paused ones
/// continued, link rules removed), and link rules are also set to expire by themselves shortly after the duration, so a
/// run that dies mid-fault does not leave the network cut. Targets the cluster state does not fix come from
/// <see cref="PlannedFault.Choice"/> over the members' sorted names.
/// </summary>
public sealed class FaultInjector(ChaosCluster cluster, TimeProvider time)
{
    /// <summary>How long after a heal a leader may take to appear before the record says "none".</summary>
    public TimeSpan RecoveryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a member removal or re-addition may take.</summary>
    public TimeSpan MembershipTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A link rule outlives its planned duration by this much at most (the heal normally removes it first).</summary>
    private static readonly TimeSpan s_ruleSlack = TimeSpan.FromSeconds(5);

    /// <summary>Runs every step of the plan, with its gap before each, and returns the timeline.</summary>
    public async Task<IReadOnlyList<FaultRecord>> RunAsync(FaultPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var timeline = new List<FaultRecord>(plan.Steps.Count);
        foreach (PlannedFault step in plan.Steps)
        {
            await Task.Delay(step.Gap, time, cancellationToken);
            timeline.Add(await InjectAsync(step, cancellationToken));
        }
        return timeline;
    }

    public async Task<FaultRecord> InjectAsync(PlannedFault fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        // A fault aimed at the leader waits (bounded) for one: right after the previous fault's heal the cluster may
        // still be electing, and "no leader to target" would waste the step (seen once in 100 leader kills).
        ChaosMember? before = await cluster.LeaderAsync(cancellationToken);
        if (before is null && TargetsLeader(fault.Kind))
        {
            try
            {
                before = await cluster.WaitForLeaderAsync(RecoveryTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                // recorded as the fault's error below
            }
        }
        DateTimeOffset start = time.GetUtcNow();
        string target = "";
        string? error = null;
        try
        {
            target = await ApplyAsync(fault, before, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }
        DateTimeOffset end = time.GetUtcNow();
        string? after = null;
        try
        {
            after = (await cluster.WaitForLeaderAsync(RecoveryTimeout, cancellationToken)).Name;
        }
        catch (TimeoutException)
        {
        }
        return new FaultRecord(fault.Step, FaultNames.Of(fault.Kind), target, start, end, before?.Name, after, error);
    }

    private static bool TargetsLeader(FaultKind kind) => kind is FaultKind.KillLeader or FaultKind.PauseLeader or FaultKind.PartitionLeader;

    /// <summary>Injects, holds and heals one fault; returns its target's description.</summary>
    private async Task<string> ApplyAsync(PlannedFault fault, ChaosMember? leader, CancellationToken cancellationToken)
    {
        ChaosMember[] members = [.. cluster.Members.OrderBy(m => m.Name, StringComparer.Ordinal)];
        ChaosMember picked = members[fault.Choice % members.Length];
        ChaosMember Leader() => leader ?? throw new InvalidOperationException("no leader to target");
        NetworkControl network = cluster.Network;
        TimeSpan ruleLife = fault.Duration + s_ruleSlack;
        switch (fault.Kind)
        {
            case FaultKind.KillLeader:
                return await KillAsync(Leader(), fault.Duration, cancellationToken);
            case FaultKind.KillRandom:
                return await KillAsync(picked, fault.Duration, cancellationToken);
            case FaultKind.RestartMember:
                try
                {
                    await picked.TerminateAsync(TimeSpan.FromSeconds(10));
                    await Task.Delay(fault.Duration, time, cancellationToken);
                }
                finally
                {
                    StartIfStopped(picked);
                }
                return picked.Name;
            case FaultKind.PauseLeader:
            {
                ChaosMember paused = Leader();
                try
                {
                    await paused.PauseAsync();
                    await Task.Delay(fault.Duration, time, cancellationToken);
                }
                finally
                {
                    await paused.ResumeAsync();
                }
                return paused.Name;
            }
            case FaultKind.PartitionLeader:
            {
                ChaosMember isolated = Leader();
                string[] others = [.. members.Where(m => m != isolated).Select(m => m.Name)];
                await HoldAsync(() => network.Isolate(isolated.Name, others, ruleLife),
                    () => HealAll(network, others.SelectMany(o => new[] { new Link(isolated.Name, o), new Link(o, isolated.Name) })),
                    fault.Duration, cancellationToken);
                return isolated.Name;
            }
            case FaultKind.CutLink:
            {
                (ChaosMember a, ChaosMember b) = Pair(members, fault.Choice);
                await HoldAsync(() => network.CutBoth(a.Name, b.Name, ruleLife),
                    () => HealAll(network, [new Link(a.Name, b.Name), new Link(b.Name, a.Name)]), fault.Duration, cancellationToken);
                return $"{a.Name}<->{b.Name}";
            }
            case FaultKind.OneWayCut:
            {
                (ChaosMember a, ChaosMember b) = Pair(members, fault.Choice);
                var link = new Link(a.Name, b.Name);
                await HoldAsync(() => network.Apply(link, LinkRule.Blackhole, ruleLife), () => network.Heal(link), fault.Duration, cancellationToken);
                return link.ToString();
            }
            case FaultKind.DelayLinks:
            {
                Link[] links = AllLinks(members);
                await HoldAsync(() =>
                {
                    foreach (Link link in links)
                    {
                        network.Apply(link, until => LinkRule.Delayed(TimeSpan.FromMilliseconds(75), TimeSpan.FromMilliseconds(50), until), ruleLife);
                    }
                }, () => HealAll(network, links), fault.Duration, cancellationToken);
                return "all peer links, 75 ms + [0, 50) ms";
            }
            case FaultKind.DropLinks:
            {
                Link[] links = AllLinks(members);
                double probability = 0.05 + (fault.Choice % 6) * 0.05;   // 5 % .. 30 % of chunks
                DropMode mode = fault.Choice % 2 == 0 ? DropMode.Reset : DropMode.BlackholeBurst;
                await HoldAsync(() =>
                {
                    foreach (Link link in links)
                    {
                        network.Apply(link, until => LinkRule.Dropping(probability, mode, until), ruleLife);
                    }
                }, () => HealAll(network, links), fault.Duration, cancellationToken);
                return $"all peer links, p={probability:0.00} {mode}";
            }
            case FaultKind.KillAllRestart:
                try
                {
                    await cluster.KillAllAndRestartAsync(fault.Duration, cancellationToken);
                }
                finally
                {
                    foreach (ChaosMember member in members)
                    {
                        StartIfStopped(member);
                    }
                }
                return "all";
            case FaultKind.RemoveReaddMember:
            {
                ChaosMember[] followers = [.. members.Where(m => m != leader && m.IsRunning)];
                ChaosMember removed = followers.Length > 0 ? followers[fault.Choice % followers.Length] : picked;
                try
                {
                    await cluster.RemoveAndReaddAsync(removed, MembershipTimeout, cancellationToken);
                }
                finally
                {
                    StartIfStopped(removed);
                }
                return removed.Name;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "unknown fault");
        }
    }

    private async Task<string> KillAsync(ChaosMember member, TimeSpan down, CancellationToken cancellationToken)
    {
        try
        {
            await member.KillAsync();
            await Task.Delay(down, time, cancellationToken);
        }
        finally
        {
            StartIfStopped(member);
        }
        return member.Name;
    }

    private async Task HoldAsync(Action inject, Action heal, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            inject();
            await Task.Delay(duration, time, cancellationToken);
        }
        finally
        {
            heal();
        }
    }

    private void StartIfStopped(ChaosMember member)
    {
        if (!member.IsRunning)
        {
            cluster.Restart(member);
        }
    }

    private static void HealAll(NetworkControl network, IEnumerable<Link> links)
    {
        foreach (Link link in links)
        {
            network.Heal(link);
        }
    }

    /// <summary>The ordered pair number <paramref name="choice"/> (mod the count) of distinct members.</summary>
    private static (ChaosMember, ChaosMember) Pair(ChaosMember[] members, int choice)
    {
        int n = members.Length;
        int pair = choice % (n * (n - 1));
        int first = pair / (n - 1);
        int second = pair % (n - 1);
        return (members[first], members[second >= first ? second + 1 : second]);
    }

    private static Link[] AllLinks(ChaosMember[] members) =>
        [.. from a in members from b in members where a != b select new Link(a.Name, b.Name)];
}
