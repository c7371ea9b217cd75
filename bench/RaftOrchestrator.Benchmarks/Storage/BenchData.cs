using System.Globalization;
using System.Text;
using RaftOrchestrator.Storage;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Benchmarks.Storage;

/// <summary>
/// Keys and values shaped like etcd's benchmark tool and a Kubernetes registry: keys
/// "/registry/pods/ns-XX/pod-XXXXXXX" (32 bytes), values of <see cref="ValueSize"/> bytes.
/// Everything is generated from fixed seeds so that every run sees the same data.
/// </summary>
internal static class BenchData
{
    /// <summary>Value size of every benchmark (etcd's benchmark default is 8; Kubernetes objects are larger).</summary>
    public const int ValueSize = 256;

    public const int Seed = 42;

    /// <summary>Pod numbers are seven digits, so at most this many distinct pods per namespace.</summary>
    private const int PodSpace = 10_000_000;

    /// <summary>A key of namespace <paramref name="ns"/> (two digits below 100, wider above) and pod <paramref name="pod"/>.</summary>
    public static byte[] PodKey(int ns, int pod) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"/registry/pods/ns-{ns:D2}/pod-{pod:D7}"));

    /// <summary>The common prefix of every key of namespace <paramref name="ns"/>.</summary>
    public static byte[] NamespacePrefix(int ns) =>
        Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"/registry/pods/ns-{ns:D2}/"));

    /// <summary>
    /// <paramref name="count"/> distinct keys in random order, spread over 100 namespaces with random pod
    /// numbers, so that consecutive keys land at unrelated places in the index (as etcd's random-key benchmark).
    /// </summary>
    public static byte[][] RandomKeys(int count, int seed = Seed)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, PodSpace / 2);
        var random = new Random(seed);
        var seen = new HashSet<int>(count);
        var keys = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            int pod;
            do
            {
                pod = random.Next(PodSpace);
            }
            while (!seen.Add(pod));
            keys[i] = PodKey(random.Next(100), pod);
        }
        return keys;
    }

    /// <summary>
    /// <paramref name="count"/> distinct keys, exactly <paramref name="perNamespace"/> in each namespace
    /// (the last one may have fewer), so a prefix read of one namespace returns a known number of keys.
    /// Returned in random order.
    /// </summary>
    public static byte[][] NamespacedKeys(int count, int perNamespace, int seed = Seed)
    {
        var random = new Random(seed);
        var keys = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            keys[i] = PodKey(i / perNamespace, i);
        }
        random.Shuffle(keys);
        return keys;
    }

    /// <summary><paramref name="count"/> indexes in [0, <paramref name="bound"/>), uniformly at random.</summary>
    public static int[] RandomIndexes(int count, int bound, int seed = Seed)
    {
        var random = new Random(seed);
        var picks = new int[count];
        for (int i = 0; i < picks.Length; i++)
        {
            picks[i] = random.Next(bound);
        }
        return picks;
    }

    /// <summary>A random value of <see cref="ValueSize"/> bytes.</summary>
    public static byte[] Value(int seed = Seed)
    {
        byte[] value = new byte[ValueSize];
        new Random(seed).NextBytes(value);
        return value;
    }

    /// <summary>A new store holding <paramref name="keys"/>, one put each, in the given order.</summary>
    public static KvStore Fill(byte[][] keys, byte[] value, StoreOptions? options = null)
    {
        var store = new KvStore(options);
        Put(store, keys, value);
        return store;
    }

    /// <summary>Puts every key once, in order; throws if a put fails (a benchmark on a broken store measures nothing).</summary>
    public static void Put(KvStore store, byte[][] keys, byte[] value)
    {
        foreach (byte[] key in keys)
        {
            Check(store.Put(key, value).Status);
        }
    }

    public static void Check(StoreStatus status)
    {
        if (status != StoreStatus.Ok)
        {
            throw new InvalidOperationException($"Store operation failed during benchmark setup: {status}.");
        }
    }
}
