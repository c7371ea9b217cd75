using System.IO.Hashing;
using Google.Protobuf;
using Grpc.Core;
using RaftOrchestrator.Consensus.Hosting;
using RaftOrchestrator.EtcdApi.V3;
using Store = RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Etcd;

/// <summary>
/// etcd's Maintenance service: member status, alarms (none are raised), defragmentation (nothing to do: the
/// store is in memory), a hash of the key space for consistency checks, and backups.
/// </summary>
internal sealed class MaintenanceService(ReplicatedStore replica, EtcdHeaders headers) : Maintenance.MaintenanceBase
{
    /// <summary>The etcd API level served, with our build marker (semver build metadata).</summary>
    public const string Version = "3.4.23+rorch";

    /// <summary>Bytes per snapshot message (etcd sends 32 KiB).</summary>
    private const int SnapshotChunk = 32 * 1024;

    public override Task<StatusResponse> Status(StatusRequest request, ServerCallContext context)
    {
        MemberStatus status = replica.GetStatus();
        var response = new StatusResponse
        {
            Header = headers.At(status.Revision),
            Version = Version,
            DbSize = status.DataSize,
            DbSizeInUse = status.DataSize,
            Leader = status.LeaderId,
            RaftIndex = (ulong)status.CommittedIndex,
            RaftTerm = (ulong)Math.Max(0, status.Term),
            RaftAppliedIndex = (ulong)status.AppliedIndex,
        };
        if (!status.IsMember)
        {
            response.Errors.Add("this member is not part of a cluster yet (waiting to be added)");
        }
        else if (status.LeaderId == 0)
        {
            response.Errors.Add("etcdserver: no leader");
        }
        return Task.FromResult(response);
    }

    public override Task<AlarmResponse> Alarm(AlarmRequest request, ServerCallContext context) =>
        Task.FromResult(new AlarmResponse { Header = headers.Current() });

    public override Task<DefragmentResponse> Defragment(DefragmentRequest request, ServerCallContext context) =>
        Task.FromResult(new DefragmentResponse { Header = headers.Current() });

    public override Task<HashResponse> Hash(HashRequest request, ServerCallContext context)
    {
        (uint hash, long revision, _) = HashKeySpace(0);
        return Task.FromResult(new HashResponse { Header = headers.At(revision), Hash = hash });
    }

    public override Task<HashKVResponse> HashKV(HashKVRequest request, ServerCallContext context)
    {
        (uint hash, long revision, long compacted) = HashKeySpace(request.Revision);
        return Task.FromResult(new HashKVResponse { Header = headers.At(revision), Hash = hash, CompactRevision = compacted });
    }

    /// <summary>
    /// Streams a backup (see <see cref="Backup"/>). It is written to a temporary file first, so the store's
    /// snapshot slot (which compaction waits for) is held only as long as the local write, never for a slow client.
    /// </summary>
    public override async Task Snapshot(SnapshotRequest request, IServerStreamWriter<SnapshotResponse> responseStream, ServerCallContext context)
    {
        string temp = Path.Combine(replica.Options.DataDirectory, $"backup-{Guid.NewGuid():N}.tmp");
        try
        {
            long revision;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 256 * 1024, useAsync: true))
            {
                revision = await Backup.WriteAsync(replica, file, context.CancellationToken);
            }
            await using var source = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 256 * 1024, useAsync: true);
            long remaining = source.Length;
            byte[] buffer = new byte[SnapshotChunk];
            while (remaining > 0)
            {
                int read = await source.ReadAsync(buffer, context.CancellationToken);
                if (read == 0)
                {
                    break;
                }
                remaining -= read;
                await responseStream.WriteAsync(new SnapshotResponse
                {
                    Header = headers.At(revision),
                    RemainingBytes = (ulong)remaining,
                    Blob = ByteString.CopyFrom(buffer, 0, read),
                }, context.CancellationToken);
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public override Task<MoveLeaderResponse> MoveLeader(MoveLeaderRequest request, ServerCallContext context) =>
        throw EtcdErrors.Unsupported("moving the leader is not supported (the Raft library has no leadership transfer)");

    /// <summary>CRC-32 of every key and value (and their revisions) at a revision; 0 means the current one.</summary>
    private (uint Hash, long Revision, long Compacted) HashKeySpace(long revision)
    {
        Store.KvStore kv = replica.Store.Kv;
        Store.RangeResult all = kv.Range(new Store.RangeRequest(Store.KeyRange.All) { Revision = Math.Max(0, revision) });
        if (all.Status != Store.StoreStatus.Ok)
        {
            throw EtcdErrors.From(all.Status);
        }
        var crc = new Crc32();
        Span<byte> numbers = stackalloc byte[24];
        foreach (Store.KeyValue item in all.Kvs)
        {
            crc.Append(item.Key.Span);
            crc.Append(item.Value.Span);
            BitConverter.TryWriteBytes(numbers, item.CreateRevision);
            BitConverter.TryWriteBytes(numbers[8..], item.ModRevision);
            BitConverter.TryWriteBytes(numbers[16..], item.Version);
            crc.Append(numbers);
        }
        return (crc.GetCurrentHashAsUInt32(), all.Revision, kv.CompactRevision);
    }
}
