using RaftOrchestrator.Api.Apps;

namespace RaftOrchestrator.Controllers.Deployments;

/// <summary>
/// One reconcile's view of a Deployment and the ReplicaSets it owns. <see cref="Deployment"/> is a private copy
/// that always holds the last state written or read (so each write carries a current resourceVersion); the
/// ReplicaSets are the cache's shared objects until a write replaces one with the server's reply. Never change a
/// ReplicaSet in place: clone it, write the clone, and <see cref="Replace"/> it with the result.
/// </summary>
internal sealed class RolloutState(Deployment deployment, List<ReplicaSet> owned, byte[] template)
{
    public Deployment Deployment { get; set; } = deployment;

    public List<ReplicaSet> Owned { get; } = owned;

    /// <summary>The canonical encoding of the Deployment's template (<see cref="PodTemplateHash.Canonical"/>).</summary>
    public byte[] Template { get; } = template;

    /// <summary>The ReplicaSet whose template is the Deployment's (the oldest such), after <see cref="Classify"/>.</summary>
    public ReplicaSet? New { get; private set; }

    /// <summary>Every other owned ReplicaSet, after <see cref="Classify"/>.</summary>
    public List<ReplicaSet> Old { get; } = [];

    /// <summary>New and old together.</summary>
    public IEnumerable<ReplicaSet> All => New is null ? Old : Old.Append(New);

    /// <summary>Splits the owned ReplicaSets into the new one (Kubernetes' FindNewReplicaSet) and the old ones.</summary>
    public void Classify()
    {
        Owned.Sort(ReplicaSetOrder.ByCreation);
        New = Owned.Find(rs => PodTemplateHash.EqualIgnoringHash(Template, rs.Spec.Template));
        Old.Clear();
        Old.AddRange(Owned.Where(rs => !ReferenceEquals(rs, New)));
    }

    /// <summary>Adds a ReplicaSet just created as the new one.</summary>
    public void AddNew(ReplicaSet created)
    {
        Owned.Add(created);
        New = created;
    }

    /// <summary>Swaps in the server's reply to a write of a ReplicaSet, matched by uid.</summary>
    public ReplicaSet Replace(ReplicaSet updated)
    {
        string? uid = updated.Metadata.Uid;
        Swap(Owned, uid, updated);
        Swap(Old, uid, updated);
        if (New?.Metadata.Uid == uid)
        {
            New = updated;
        }
        return updated;
    }

    /// <summary>Drops a deleted ReplicaSet.</summary>
    public void Remove(ReplicaSet deleted)
    {
        Owned.RemoveAll(rs => rs.Metadata.Uid == deleted.Metadata.Uid);
        Old.RemoveAll(rs => rs.Metadata.Uid == deleted.Metadata.Uid);
    }

    private static void Swap(List<ReplicaSet> list, string? uid, ReplicaSet updated)
    {
        int i = list.FindIndex(rs => rs.Metadata.Uid == uid);
        if (i >= 0)
        {
            list[i] = updated;
        }
    }
}
