using System.Security.Cryptography;
using RaftOrchestrator.Consensus.StateMachine;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Consensus.Hosting;

/// <summary>
/// Backups of the store for operators (etcd's `snapshot save` / `snapshot restore`). A backup is a replica
/// snapshot (<see cref="SnapshotHeader"/> and the store's snapshot) of this member's state at one revision,
/// zero-padded to a multiple of 512 bytes and followed by the SHA-256 of everything before it, which is the
/// shape etcdctl checks for ("sha256 checksum not found" otherwise). Restoring builds the data directory of
/// a new one-member cluster holding that state; the other members then join it.
/// </summary>
public static class Backup
{
    private const int Alignment = 512;

    /// <summary>Writes a backup of <paramref name="replica"/>'s current state; returns the store revision it holds.</summary>
    public static async Task<long> WriteAsync(ReplicatedStore replica, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(destination);
        MemberStatus status = replica.GetStatus();
        using KvStoreSnapshot store = await Task.Run(replica.Store.Kv.BeginSnapshot, cancellationToken);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var hashing = new HashingWriteStream(destination, sha);
        await hashing.WriteAsync(SnapshotHeader.Encode(status.AppliedIndex, status.Term, new ClusterState()), cancellationToken);
        await store.WriteToAsync(hashing, cancellationToken);
        long padding = (Alignment - hashing.Written % Alignment) % Alignment;
        await hashing.WriteAsync(new byte[padding], cancellationToken);
        await destination.WriteAsync(sha.GetHashAndReset(), cancellationToken);
        await destination.FlushAsync(cancellationToken);
        return store.Revision;
    }

    /// <summary>
    /// Checks a backup file (checksum, format) and writes it as the only snapshot of a new data directory,
    /// which must not exist or be empty. Returns the store revision restored.
    /// </summary>
    public static long Restore(string backupFile, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(backupFile);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
        {
            throw new IOException($"The data directory {dataDirectory} is not empty.");
        }
        byte[] bytes = File.ReadAllBytes(backupFile);
        if (bytes.Length < SHA256.HashSizeInBytes || (bytes.Length - SHA256.HashSizeInBytes) % Alignment != 0)
        {
            throw new InvalidDataException("Not a backup: its size is not a multiple of 512 plus a SHA-256.");
        }
        int body = bytes.Length - SHA256.HashSizeInBytes;
        if (!SHA256.HashData(bytes.AsSpan(0, body)).AsSpan().SequenceEqual(bytes.AsSpan(body)))
        {
            throw new InvalidDataException("Backup checksum mismatch: the file is damaged.");
        }
        long revision;
        using (var check = new MemoryStream(bytes, 0, body, writable: false))
        {
            _ = SnapshotHeader.Read(check);
            using KvStore store = KvStore.Restore(check);
            revision = store.CurrentRevision;
        }
        // Index 1, term 0: the restored state is the first entry of a new cluster's log.
        string snap = Path.Combine(dataDirectory, "snap");
        Directory.CreateDirectory(snap);
        byte[] header = SnapshotHeader.Encode(1, 0, new ClusterState());
        using var source = new MemoryStream(bytes, 0, body, writable: false);
        _ = SnapshotHeader.Read(source);
        using (var file = new FileStream(Path.Combine(snap, SnapshotFile.FileName(1, 0)), FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(header);
            source.CopyTo(file);
            file.Flush(flushToDisk: true);
        }
        DirectorySync.Flush(snap);
        return revision;
    }
}
