using System.Diagnostics.CodeAnalysis;

namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// State for one scheduling cycle of one pod, written by PreFilter/PreScore and read by Filter/Score. A handful of
/// entries at most, so a linear scan over reference-compared keys beats a dictionary. Not thread-safe: one cycle
/// runs on one thread.
/// </summary>
public sealed class CycleState
{
    private object[] _keys = new object[8];
    private IStateData?[] _values = new IStateData?[8];
    private int _count;

    /// <summary>Node names the PreFilter plugins narrowed the search to; null means every node.</summary>
    public IReadOnlySet<string>? PreFilterNodeNames { get; internal set; }

    /// <summary>
    /// The nominations this cycle filters with (null: none), which the search and preemption's dry run count through
    /// <see cref="SchedulingFramework.RunFilterPluginsWithNominatedPods"/>. <see cref="Scheduler.Schedule"/> sets
    /// it from its argument; a caller running the framework's phases itself sets it before filtering.
    /// </summary>
    public INominatedPods? NominatedPods { get; set; }

    /// <summary>Plugins whose PreFilter narrowed the node set (named in the status of the nodes left out).</summary>
    internal List<string> PreFilterNarrowingPlugins { get; } = [];

    /// <summary>Plugins whose PreFilter answered Skip: the framework does not run their Filter this cycle.</summary>
    internal List<string> SkipFilterPlugins { get; } = [];

    /// <summary>Plugins whose PreScore answered Skip: the framework does not run their Score this cycle.</summary>
    internal List<string> SkipScorePlugins { get; } = [];

    public void Write<T>(StateKey<T> key, T value)
        where T : class, IStateData
    {
        ArgumentNullException.ThrowIfNull(key);
        for (int i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_keys[i], key))
            {
                _values[i] = value;
                return;
            }
        }
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }
        _keys[_count] = key;
        _values[_count] = value;
        _count++;
    }

    public bool TryRead<T>(StateKey<T> key, [NotNullWhen(true)] out T? value)
        where T : class, IStateData
    {
        for (int i = 0; i < _count; i++)
        {
            if (ReferenceEquals(_keys[i], key))
            {
                value = _values[i] as T;
                return value is not null;
            }
        }
        value = null;
        return false;
    }

    /// <summary>A copy whose entries are cloned (<see cref="IStateData.Clone"/>): for preemption's what-if runs.</summary>
    public CycleState Clone()
    {
        var copy = new CycleState
        {
            _keys = (object[])_keys.Clone(),
            _values = new IStateData?[_values.Length],
            _count = _count,
            PreFilterNodeNames = PreFilterNodeNames,
            NominatedPods = NominatedPods,
        };
        for (int i = 0; i < _count; i++)
        {
            copy._values[i] = _values[i]?.Clone();
        }
        copy.PreFilterNarrowingPlugins.AddRange(PreFilterNarrowingPlugins);
        copy.SkipFilterPlugins.AddRange(SkipFilterPlugins);
        copy.SkipScorePlugins.AddRange(SkipScorePlugins);
        return copy;
    }

    /// <summary>Empties the state so one instance can serve the next pod (the scheduler reuses it).</summary>
    public void Reset()
    {
        Array.Clear(_keys, 0, _count);
        Array.Clear(_values, 0, _count);
        _count = 0;
        PreFilterNodeNames = null;
        NominatedPods = null;
        PreFilterNarrowingPlugins.Clear();
        SkipFilterPlugins.Clear();
        SkipScorePlugins.Clear();
    }
}
