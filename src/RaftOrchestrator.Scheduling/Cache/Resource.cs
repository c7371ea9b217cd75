using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// Resource amounts as integers, parsed once from Quantities: cpu in millicores, the rest in whole units, rounded
/// up as the scheduler counts them. Used for pod requests, node allocatable and node requested totals. Mutable
/// only inside this assembly (the cache); plugins read it.
/// </summary>
public sealed class Resource
{
    private Dictionary<string, long>? _scalar;

    public long MilliCpu { get; internal set; }

    public long Memory { get; internal set; }

    public long EphemeralStorage { get; internal set; }

    /// <summary>The "pods" resource: on allocatable, how many pods the node takes.</summary>
    public long AllowedPodNumber { get; internal set; }

    /// <summary>Extended resources (hugepages-*, example.com/gpu, ...); null when there are none.</summary>
    public IReadOnlyDictionary<string, long>? Scalar => _scalar;

    public bool IsZero => MilliCpu == 0 && Memory == 0 && EphemeralStorage == 0 && (_scalar is null || _scalar.Count == 0);

    public long GetScalar(string name) => _scalar is not null && _scalar.TryGetValue(name, out long v) ? v : 0;

    /// <summary>Parses a resource list; a quantity that does not parse counts as zero (validation rejects those earlier).</summary>
    public static Resource FromList(IReadOnlyDictionary<string, Quantity>? list)
    {
        var r = new Resource();
        if (list is null)
        {
            return r;
        }
        foreach ((string name, Quantity q) in list)
        {
            r.AddQuantity(name, q);
        }
        return r;
    }

    internal void AddQuantity(string name, Quantity q)
    {
        switch (name)
        {
            case ResourceNames.Cpu:
                MilliCpu += q.TryGetMilliValue(out long m) ? m : 0;
                break;
            case ResourceNames.Memory:
                Memory += Whole(q);
                break;
            case ResourceNames.EphemeralStorage:
                EphemeralStorage += Whole(q);
                break;
            case ResourceNames.Pods:
                AllowedPodNumber += Whole(q);
                break;
            default:
                AddScalar(name, Whole(q));
                break;
        }
    }

    internal void AddScalar(string name, long value)
    {
        _scalar ??= new Dictionary<string, long>(StringComparer.Ordinal);
        _scalar[name] = GetScalar(name) + value;
    }

    internal void Add(Resource other)
    {
        MilliCpu += other.MilliCpu;
        Memory += other.Memory;
        EphemeralStorage += other.EphemeralStorage;
        AllowedPodNumber += other.AllowedPodNumber;
        if (other._scalar is not null)
        {
            foreach ((string name, long v) in other._scalar)
            {
                AddScalar(name, v);
            }
        }
    }

    internal void Subtract(Resource other)
    {
        MilliCpu -= other.MilliCpu;
        Memory -= other.Memory;
        EphemeralStorage -= other.EphemeralStorage;
        AllowedPodNumber -= other.AllowedPodNumber;
        if (other._scalar is not null)
        {
            foreach ((string name, long v) in other._scalar)
            {
                AddScalar(name, -v);
            }
        }
    }

    /// <summary>Each amount the larger of the two (init containers run one at a time, before the app containers).</summary>
    internal void SetMax(Resource other)
    {
        MilliCpu = Math.Max(MilliCpu, other.MilliCpu);
        Memory = Math.Max(Memory, other.Memory);
        EphemeralStorage = Math.Max(EphemeralStorage, other.EphemeralStorage);
        AllowedPodNumber = Math.Max(AllowedPodNumber, other.AllowedPodNumber);
        if (other._scalar is not null)
        {
            _scalar ??= new Dictionary<string, long>(StringComparer.Ordinal);
            foreach ((string name, long v) in other._scalar)
            {
                if (!_scalar.TryGetValue(name, out long current) || v > current)
                {
                    _scalar[name] = v;
                }
            }
        }
    }

    internal void CopyFrom(Resource other)
    {
        MilliCpu = other.MilliCpu;
        Memory = other.Memory;
        EphemeralStorage = other.EphemeralStorage;
        AllowedPodNumber = other.AllowedPodNumber;
        if (other._scalar is null)
        {
            _scalar = null;
        }
        else
        {
            _scalar = new Dictionary<string, long>(other._scalar, StringComparer.Ordinal);
        }
    }

    public Resource Clone()
    {
        var r = new Resource();
        r.CopyFrom(this);
        return r;
    }

    private static long Whole(Quantity q) => q.TryGetValue(out long v) ? v : 0;

    public override string ToString() =>
        $"cpu={MilliCpu}m memory={Memory} ephemeral-storage={EphemeralStorage} pods={AllowedPodNumber}" +
        (_scalar is null ? "" : " " + string.Join(" ", _scalar.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
}
