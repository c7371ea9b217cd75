using System.Net;
using DotNext.Net.Cluster;
using DotNext.Net.Cluster.Consensus.Raft;
using RaftOrchestrator.Consensus.Commands;
using RaftOrchestrator.Consensus.Membership;
using RaftOrchestrator.Consensus.Replication;

namespace RaftOrchestrator.Consensus.Hosting;

public sealed partial class ReplicatedStore
{
    /// <summary>How often a member re-checks that its published attributes are current.</summary>
    private static readonly TimeSpan s_publishInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a new member may take to answer and catch up before the addition is abandoned.</summary>
    private static readonly TimeSpan s_catchUpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>True once this member is in the cluster's configuration (a joining member is not until the leader adds it).</summary>
    public bool IsMember => Node.IsMember;

    /// <summary>The members of the configuration with what they published about themselves.</summary>
    public IReadOnlyList<MemberInfo> Members
    {
        get
        {
            ConsensusNode node = Node;
            RaftClusterMember? leader = node.Cluster.Leader;
            IReadOnlyDictionary<ulong, MemberAttributes> published = node.Machine.State.Members;
            return [.. node.Cluster.Members.Select(m =>
            {
                ulong id = MemberIds.Of(m.EndPoint);
                published.TryGetValue(id, out MemberAttributes? attributes);
                return new MemberInfo(
                    id,
                    attributes?.Name ?? "",
                    MemberIds.PeerUrl(m.EndPoint),
                    attributes?.ClientUrls ?? [],
                    leader is not null && MemberIds.Of(leader.EndPoint) == id,
                    !m.IsRemote,
                    !m.IsRemote || m.Status != ClusterMemberStatus.Unavailable);
            }).OrderBy(m => m.Id)];
        }
    }

    /// <summary>The client URL of the current leader, for requests a host forwards itself; null when unknown.</summary>
    public string? LeaderClientUrl
    {
        get
        {
            ConsensusNode node = Node;
            return node.Cluster.Leader is { } leader ? LeaderUrl(node, leader) : null;
        }
    }

    /// <summary>
    /// Adds a member (leader only). DotNext first replicates the log to it, so it must already be running,
    /// started without <see cref="ReplicaOptions.ClusterInit"/>; then the new configuration is committed.
    /// </summary>
    public async Task<MembershipStatus> AddMemberAsync(IPEndPoint peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ConsensusNode node = Node;
        if (!node.IsLeader)
        {
            return MembershipStatus.NotLeader;
        }
        if (node.Cluster.Members.Any(m => MemberIds.Of(m.EndPoint) == MemberIds.Of(peer)))
        {
            return MembershipStatus.AlreadyMember;
        }
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(s_catchUpTimeout);
        try
        {
            bool added = await node.Cluster.AddMemberAsync(peer, bounded.Token);
            ConsensusLog.MemberAdded(_logger, MemberIds.Format(peer), added);
            return added ? MembershipStatus.Ok : MembershipStatus.Failed;
        }
        catch (NotLeaderException)
        {
            return MembershipStatus.NotLeader;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            ConsensusLog.MemberAdded(_logger, MemberIds.Format(peer), false);
            return MembershipStatus.Failed;   // it did not answer, or could not catch up, in time
        }
    }

    /// <summary>Removes a member by id (leader only) and forgets its attributes.</summary>
    public async Task<MembershipStatus> RemoveMemberAsync(ulong memberId, CancellationToken cancellationToken)
    {
        ConsensusNode node = Node;
        if (!node.IsLeader)
        {
            return MembershipStatus.NotLeader;
        }
        RaftClusterMember? member = node.Cluster.Members.FirstOrDefault(m => MemberIds.Of(m.EndPoint) == memberId);
        if (member is null)
        {
            return MembershipStatus.NotFound;
        }
        try
        {
            bool removed = await node.Cluster.RemoveMemberAsync(member.EndPoint, cancellationToken);
            ConsensusLog.MemberRemoved(_logger, MemberIds.Format(member.EndPoint), removed);
            if (!removed)
            {
                return MembershipStatus.Failed;
            }
        }
        catch (NotLeaderException)
        {
            return MembershipStatus.NotLeader;
        }
        ProposalOutcome forgot = await ProposeAsync(SmallCommands.MemberForget(memberId), cancellationToken);
        return forgot.IsApplied ? MembershipStatus.Ok : MembershipStatus.Failed;
    }

    /// <summary>
    /// Publishes this member's name and client URLs through the log (etcd's publish), once it is a member and
    /// whenever the replicated table does not match them (a new URL after a restart, a restored snapshot).
    /// Other members need the client URL to forward to this one when it leads.
    /// </summary>
    private async Task PublishLoopAsync()
    {
        CancellationToken lifetime = _lifetime.Token;
        var mine = new MemberAttributes(MemberId, _options.Name, MemberIds.PeerUrl(_options.PublicPeerEndPoint), _options.ClientUrls);
        while (!lifetime.IsCancellationRequested)
        {
            ConsensusNode node = Node;
            bool current = node.Machine.State.Members.TryGetValue(MemberId, out MemberAttributes? published)
                && published.Name == mine.Name && published.PeerUrl == mine.PeerUrl
                && published.ClientUrls.SequenceEqual(mine.ClientUrls);
            if (!current && node.IsMember && node.Cluster.Leader is not null)
            {
                ProposalOutcome outcome = await _pipeline.ProposeAsync(SmallCommands.MemberAttributes(mine));
                if (outcome.IsApplied)
                {
                    continue;   // check it took
                }
                ConsensusLog.PublishDeferred(_logger, outcome.Status.ToString());
            }
            try
            {
                await Task.Delay(s_publishInterval, _time, lifetime);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
