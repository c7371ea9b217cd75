using System.Globalization;
using System.Text;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// Everything observable about a store's state, one fact per line: revisions, indexed keys, leases and their
/// keys, and a range over every key at every readable revision (plus the answers just outside them).
/// Equal dumps mean equal answers.
/// </summary>
internal static class StateDump
{
    private static readonly long[] s_leaseIds = [.. KeySpace.LeaseIds, KeySpace.MissingLease];

    public static string Of(KvStore store)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"current {store.CurrentRevision} compact {store.CompactRevision} indexed {store.IndexedKeyCount}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"leases [{string.Join(", ", store.ListLeases())}]");
        foreach (long id in s_leaseIds)
        {
            string info = store.TryGetLease(id, out var lease) ? lease.ToString() : "none";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"lease {id}: {info} keys [{string.Join(", ", store.GetLeaseKeys(id).Select(k => KeySpace.Quote(KeySpace.Text(k))))}]");
        }
        foreach (long revision in RevisionsToRead(store.CurrentRevision, store.CompactRevision))
        {
            RangeRequest request = new(KeyRange.All) { Revision = revision };
            sb.AppendLine(CultureInfo.InvariantCulture, $"@{revision}: {Observed.Range(store.Range(request))}");
        }
        return sb.ToString();
    }

    public static string Of(MvccModel model)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"current {model.CurrentRevision} compact {model.CompactRevision} indexed {model.IndexedKeyCount()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"leases [{string.Join(", ", model.Leases())}]");
        foreach (long id in s_leaseIds)
        {
            string info = model.Leases().FirstOrDefault(l => l.Id == id) is { Id: > 0 } lease ? lease.ToString() : "none";
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"lease {id}: {info} keys [{string.Join(", ", model.LeaseKeys(id).Select(KeySpace.Quote))}]");
        }
        foreach (long revision in RevisionsToRead(model.CurrentRevision, model.CompactRevision))
        {
            var op = new RangeStoreOp(
                RangeSpec.All, new RevisionPick(RevisionPickKind.Zero, 0), 0, false, false, SortOrder.None, SortTarget.Key, RangeFilter.None);
            ModelRangeResult result = revision > model.CurrentRevision
                ? ModelRangeResult.Failed(StoreStatus.FutureRevision, model.CurrentRevision, model.CompactRevision)
                : revision < model.CompactRevision
                    ? ModelRangeResult.Failed(StoreStatus.Compacted, model.CurrentRevision, model.CompactRevision)
                    : MvccModel.RangeOn(model.StateAt(revision), op, revision, model.CompactRevision);
            sb.AppendLine(CultureInfo.InvariantCulture, $"@{revision}: {result}");
        }
        return sb.ToString();
    }

    /// <summary>Every revision from the compaction point (at least 1) to current + 1, and compact - 1 if it is a real revision.</summary>
    private static IEnumerable<long> RevisionsToRead(long current, long compact)
    {
        if (compact > 1)
        {
            yield return compact - 1;
        }
        for (long r = Math.Max(compact, 1); r <= current + 1; r++)
        {
            yield return r;
        }
    }
}
