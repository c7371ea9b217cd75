namespace RaftOrchestrator.Consensus.StateMachine;

/// <summary>
/// The folder of replica snapshots. A snapshot is written to a temporary file, fsynced, renamed into place
/// and the folder fsynced, so a file with a snapshot name is always complete and durable. Thread-safe: file
/// system operations only.
/// </summary>
internal sealed class SnapshotDirectory
{
    private const string TempExtension = ".tmp";

    public SnapshotDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        foreach (string stale in Directory.EnumerateFiles(Path, "*" + TempExtension))
        {
            File.Delete(stale);   // a write interrupted by a crash
        }
    }

    public string Path { get; }

    /// <summary>Every complete snapshot, newest first.</summary>
    public IReadOnlyList<SnapshotFile> List() =>
        [.. new DirectoryInfo(Path).EnumerateFiles("*" + SnapshotFile.Extension)
            .Select(f => SnapshotFile.TryParseName(f.Name, out long index, out long term) ? new SnapshotFile(f, index, term) : null)
            .OfType<SnapshotFile>()
            .OrderByDescending(s => s.Index)];

    /// <summary>Writes a snapshot with <paramref name="write"/> and makes it durable under its final name.</summary>
    public async Task<SnapshotFile> WriteAsync(long index, long term, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        string final = System.IO.Path.Combine(Path, SnapshotFile.FileName(index, term));
        string temp = final + "." + Guid.NewGuid().ToString("N") + TempExtension;
        try
        {
            var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = 256 * 1024,
            });
            await using (stream)
            {
                await write(stream, ct);
                await stream.FlushAsync(ct);
                RandomAccess.FlushToDisk(stream.SafeFileHandle);
            }
            File.Move(temp, final, overwrite: true);
            DirectorySync.Flush(Path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return new SnapshotFile(new FileInfo(final), index, term);
    }

    /// <summary>Deletes the snapshots below <paramref name="index"/>; the log guarantees nobody reads them any more.</summary>
    public void DeleteBelow(long index)
    {
        foreach (SnapshotFile snapshot in List().Where(s => s.Index < index))
        {
            snapshot.File.Delete();
        }
    }
}
