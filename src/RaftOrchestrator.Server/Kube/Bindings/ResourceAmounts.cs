using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube.Bindings;

/// <summary>
/// Amounts of schedulable resources in the units kube-scheduler counts them: cpu in millicores, memory and
/// ephemeral-storage in bytes, every other resource (extended resources such as example.com/gpu, hugepages-*) as
/// an integer in <see cref="Scalars"/>. The "pods" resource is not an amount of a pod: nodes count pods apart.
/// Mutable; not thread-safe (owned by whoever built it, or copied out of the index under its lock).
/// </summary>
public sealed class ResourceAmounts
{
    public long MilliCpu { get; set; }

    public long Memory { get; set; }

    public long EphemeralStorage { get; set; }

    /// <summary>The other resources by name; null while there are none.</summary>
    public Dictionary<string, long>? Scalars { get; private set; }

    public bool IsZero => MilliCpu == 0 && Memory == 0 && EphemeralStorage == 0 && (Scalars is null || Scalars.Values.All(v => v == 0));

    /// <summary>The amounts of a resource list ("pods" skipped); a quantity that does not parse counts as 0 (validation refuses those).</summary>
    public static ResourceAmounts From(Dictionary<string, Quantity>? list)
    {
        var amounts = new ResourceAmounts();
        foreach ((string name, Quantity quantity) in list ?? [])
        {
            switch (name)
            {
                case ResourceNames.Cpu:
                    amounts.MilliCpu = quantity.TryGetMilliValue(out long milli) ? milli : 0;
                    break;
                case ResourceNames.Memory:
                    amounts.Memory = quantity.TryGetValue(out long memory) ? memory : 0;
                    break;
                case ResourceNames.EphemeralStorage:
                    amounts.EphemeralStorage = quantity.TryGetValue(out long storage) ? storage : 0;
                    break;
                case ResourceNames.Pods:
                    break;
                default:
                    (amounts.Scalars ??= new(StringComparer.Ordinal))[name] = quantity.TryGetValue(out long whole) ? whole : 0;
                    break;
            }
        }
        return amounts;
    }

    public ResourceAmounts Clone()
    {
        var copy = new ResourceAmounts { MilliCpu = MilliCpu, Memory = Memory, EphemeralStorage = EphemeralStorage };
        if (Scalars is not null)
        {
            copy.Scalars = new Dictionary<string, long>(Scalars, StringComparer.Ordinal);
        }
        return copy;
    }

    /// <summary>Adds <paramref name="other"/> times <paramref name="sign"/> (1 adds, -1 subtracts).</summary>
    public void Add(ResourceAmounts other, int sign = 1)
    {
        ArgumentNullException.ThrowIfNull(other);
        MilliCpu += sign * other.MilliCpu;
        Memory += sign * other.Memory;
        EphemeralStorage += sign * other.EphemeralStorage;
        foreach ((string name, long value) in other.Scalars ?? [])
        {
            Dictionary<string, long> scalars = Scalars ??= new(StringComparer.Ordinal);
            scalars[name] = scalars.GetValueOrDefault(name) + (sign * value);
        }
    }

    /// <summary>Raises each amount to at least <paramref name="other"/>'s.</summary>
    public void SetMax(ResourceAmounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        MilliCpu = Math.Max(MilliCpu, other.MilliCpu);
        Memory = Math.Max(Memory, other.Memory);
        EphemeralStorage = Math.Max(EphemeralStorage, other.EphemeralStorage);
        foreach ((string name, long value) in other.Scalars ?? [])
        {
            Dictionary<string, long> scalars = Scalars ??= new(StringComparer.Ordinal);
            scalars[name] = Math.Max(scalars.GetValueOrDefault(name), value);
        }
    }

    public long Scalar(string name) => Scalars?.GetValueOrDefault(name) ?? 0;
}
