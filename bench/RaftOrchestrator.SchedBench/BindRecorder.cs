using System.Diagnostics;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// For each pod of the case (by index), the Stopwatch timestamp at which its spec.nodeName was first seen set on
/// the watch. Written by the one watch reader, read by the runner: each slot goes once from 0 to its timestamp
/// (Volatile), and the bound count is incremented after the slot is written. Init pods (created before the
/// measurement) are only counted.
/// </summary>
internal sealed class BindRecorder(int pods)
{
    private readonly long[] _boundAt = new long[pods];
    private int _bound;
    private int _added;
    private int _initBound;
    private readonly HashSet<string> _initSeenBound = new(StringComparer.Ordinal);   // the watch reader's only

    public int Bound => Volatile.Read(ref _bound);

    /// <summary>ADDED events of this case's pods: how many creates the watch has confirmed.</summary>
    public int Added => Volatile.Read(ref _added);

    public int InitBound => Volatile.Read(ref _initBound);

    public void OnEvent(PodEvent e)
    {
        if (e is { IsObject: true, NodeName: not null, Name: { } name } && name.StartsWith(PodBodies.InitPrefix, StringComparison.Ordinal)
            && _initSeenBound.Add(name))
        {
            Interlocked.Increment(ref _initBound);
            return;
        }
        int index = e.Name is null ? -1 : PodBodies.IndexOf(e.Name);
        if (!e.IsObject || index < 0 || index >= _boundAt.Length)
        {
            return;
        }
        if (e.Type == "ADDED")
        {
            Interlocked.Increment(ref _added);
        }
        if (e.NodeName is not null && Volatile.Read(ref _boundAt[index]) == 0)
        {
            Volatile.Write(ref _boundAt[index], Stopwatch.GetTimestamp());
            Interlocked.Increment(ref _bound);
        }
    }

    /// <summary>The timestamps of the pods bound so far (unordered).</summary>
    public long[] BoundTimestamps() => [.. _boundAt.Where(t => t != 0)];
}
