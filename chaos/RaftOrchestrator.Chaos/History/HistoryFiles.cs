namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// The report folder's history files: operations.jsonl, watch.jsonl, final-reads.jsonl, cluster.jsonl and
/// binds.jsonl. Load accepts a folder with any of them missing (a run without watch traffic has no watch.jsonl).
/// </summary>
public static class HistoryFiles
{
    public const string OperationsFile = "operations.jsonl";
    public const string WatchFile = "watch.jsonl";
    public const string FinalReadsFile = "final-reads.jsonl";
    public const string SnapshotsFile = "cluster.jsonl";
    public const string BindsFile = "binds.jsonl";

    public static void Save(string directory, RecordedHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Directory.CreateDirectory(directory);
        HistoryJsonContext ctx = HistoryJsonContext.Default;
        Write(Path.Combine(directory, OperationsFile), w => JsonLines.Write(w, history.Operations, ctx.Operation));
        Write(Path.Combine(directory, WatchFile), w => JsonLines.Write(w, history.Watch, ctx.WatchRecord));
        Write(Path.Combine(directory, FinalReadsFile), w => JsonLines.Write(w, history.FinalReads, ctx.FinalRead));
        Write(Path.Combine(directory, SnapshotsFile), w => JsonLines.Write(w, history.Snapshots, ctx.ClusterSnapshot));
        Write(Path.Combine(directory, BindsFile), w => JsonLines.Write(w, history.Binds, ctx.BindObservation));
    }

    /// <summary>
    /// Reads a report folder. Its operations file must be there (every run writes it, empty or not), so that a
    /// mistyped folder is an error rather than an empty history; the other files may be missing.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">The folder holds no operations file.</exception>
    public static RecordedHistory Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"no folder {directory}");
        if (!File.Exists(Path.Combine(directory, OperationsFile)))
        {
            throw new FileNotFoundException($"{directory} holds no {OperationsFile}: not a report folder of ro-chaos run");
        }
        HistoryJsonContext ctx = HistoryJsonContext.Default;
        return new RecordedHistory(
            Read(Path.Combine(directory, OperationsFile), r => JsonLines.Read(r, ctx.Operation)),
            Read(Path.Combine(directory, WatchFile), r => JsonLines.Read(r, ctx.WatchRecord)),
            Read(Path.Combine(directory, FinalReadsFile), r => JsonLines.Read(r, ctx.FinalRead)),
            Read(Path.Combine(directory, SnapshotsFile), r => JsonLines.Read(r, ctx.ClusterSnapshot)),
            Read(Path.Combine(directory, BindsFile), r => JsonLines.Read(r, ctx.BindObservation)));
    }

    private static void Write(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, append: false);
        write(writer);
    }

    private static List<T> Read<T>(string path, Func<TextReader, List<T>> read)
    {
        if (!File.Exists(path)) return [];
        using var reader = new StreamReader(path);
        return read(reader);
    }
}
