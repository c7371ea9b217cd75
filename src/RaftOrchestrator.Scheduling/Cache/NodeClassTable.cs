using System.Text;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// Interns node classes (Nomad's computed node class): nodes with equal labels except kubernetes.io/hostname,
/// taints, unschedulable and allocatable share a dense id. An id is freed when its last node leaves and reused by
/// the next new class, so ids stay below the number of distinct classes ever live at once.
/// Owned by the <see cref="SchedulerCache"/>; not thread-safe.
/// </summary>
internal sealed class NodeClassTable
{
    public const string HostnameLabel = "kubernetes.io/hostname";

    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private readonly List<string?> _keyById = [];
    private readonly Stack<int> _free = new();

    /// <summary>One more than the largest id handed out: the size of per-class arrays.</summary>
    public int Capacity => _keyById.Count;

    public int Acquire(Node node)
    {
        string key = KeyOf(node);
        if (_byKey.TryGetValue(key, out Entry? entry))
        {
            entry.References++;
            return entry.Id;
        }
        int id;
        if (_free.Count > 0)
        {
            id = _free.Pop();
            _keyById[id] = key;
        }
        else
        {
            id = _keyById.Count;
            _keyById.Add(key);
        }
        _byKey[key] = new Entry(id) { References = 1 };
        return id;
    }

    public void Release(int id)
    {
        string? key = _keyById[id];
        if (key is null || !_byKey.TryGetValue(key, out Entry? entry))
        {
            return;
        }
        if (--entry.References == 0)
        {
            _byKey.Remove(key);
            _keyById[id] = null;
            _free.Push(id);
        }
    }

    /// <summary>A canonical text of the class attributes (ordinal-sorted labels and taints, flags, allocatable).</summary>
    public static string KeyOf(Node node)
    {
        var sb = new StringBuilder(256);
        if (node.Metadata.Labels is { } labels)
        {
            foreach (KeyValuePair<string, string> l in labels.Where(l => l.Key != HostnameLabel).OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                sb.Append(l.Key).Append('=').Append(l.Value).Append('\n');
            }
        }
        sb.Append('\u0001');
        if (node.Spec?.Taints is { } taints)
        {
            foreach (string t in taints.Select(t => $"{t.Key}={t.Value}:{t.Effect}").Order(StringComparer.Ordinal))
            {
                sb.Append(t).Append('\n');
            }
        }
        sb.Append('\u0001').Append(node.Spec?.Unschedulable == true ? 'U' : 'S').Append('\u0001');
        sb.Append(Resource.FromList(node.Status?.Allocatable ?? node.Status?.Capacity));
        return sb.ToString();
    }

    private sealed class Entry(int id)
    {
        public int Id { get; } = id;

        public int References { get; set; }
    }
}
