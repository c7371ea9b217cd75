using System.Globalization;
using DotNext.IO;
using DotNext.Net.Cluster.Consensus.Raft.StateMachine;

namespace RaftOrchestrator.Consensus.StateMachine;

/// <summary>
/// A complete, fsynced snapshot on disk (format: <see cref="SnapshotHeader"/>), as the log sees it: the
/// entry that replaces every entry up to <see cref="Index"/>. Immutable once created; the file is deleted
/// only by <see cref="SnapshotDirectory.DeleteBelow"/>, which the log calls once nobody can read it any more.
/// </summary>
internal sealed class SnapshotFile : ISnapshot
{
    public const string Extension = ".snap";

    public SnapshotFile(FileInfo file, long index, long term)
    {
        File = file;
        Index = index;
        Term = term;
    }

    public FileInfo File { get; }

    public long Index { get; }

    public long Term { get; }

    public bool IsReusable => true;

    public long? Length => File.Length;

    public static string FileName(long index, long term) =>
        string.Create(CultureInfo.InvariantCulture, $"{index:D20}-{term:D20}{Extension}");

    /// <summary>Parses a name written by <see cref="FileName"/>; false for anything else (temporary files, strangers).</summary>
    public static bool TryParseName(string name, out long index, out long term)
    {
        index = term = 0;
        if (!name.EndsWith(Extension, StringComparison.Ordinal))
        {
            return false;
        }
        string[] parts = name[..^Extension.Length].Split('-');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out term);
    }

    public async ValueTask WriteToAsync<TWriter>(TWriter writer, CancellationToken token)
        where TWriter : IAsyncBinaryWriter
    {
        FileStream stream = File.Open(new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read | FileShare.Delete,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
            BufferSize = 64 * 1024,
        });
        await using (stream)
        {
            await writer.CopyFromAsync(stream, null, token);
        }
    }
}
