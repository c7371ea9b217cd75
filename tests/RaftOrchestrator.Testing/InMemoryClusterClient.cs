using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Testing;

/// <summary>
/// An <see cref="IClusterClient"/> with the API server's semantics and no server, for unit tests of controllers and
/// informers. One global revision counter across kinds (etcd's); every stored kind of the catalog, each run through
/// its <see cref="ResourceStrategy{T}"/> exactly as the server's endpoints run it (defaults, prepare, validate:
/// validation failures are 422 with the server's wording); resourceVersion conflicts; generation bumps on spec
/// changes; status subresources; finalizers, propagation policies and graceful pod deletion; paged lists at a
/// revision; watches from a revision with 410 Gone below a settable compaction point; merge, JSON and strategic
/// merge patches. Test hooks: fault injection (<see cref="FailNext"/>, <see cref="FailWhile"/>), watch control
/// (<see cref="CloseWatches"/>, <see cref="SendBookmarks"/>, <see cref="Compact(long)"/>) and the recorded writes
/// (<see cref="Actions"/>).
/// </summary>
/// <remarks>
/// Differences from the server, on purpose: a namespaced object's namespace need not exist (no Namespace object
/// is required, and deleting a namespace deletes nothing in it); there is no admission chain, no managedFields
/// tracking, and no server-side apply (a 415). Every call completes synchronously under one lock
/// (<see cref="_gate"/>), so a test that awaits a write sees its watch events already posted.
/// </remarks>
public sealed partial class InMemoryClusterClient : IClusterClient
{
    /// <summary>Guards everything below and every <see cref="KindStore{T}"/>: one lock, so revisions are global and ordered.</summary>
    private readonly object _gate = new();
    private readonly Dictionary<Type, object> _resources = [];
    private readonly Random _random;
    private long _revision = 1;
    private long _compacted;
    private bool _disposed;

    public InMemoryClusterClient(TimeProvider? time = null, InMemoryClusterOptions? options = null)
    {
        Time = time ?? TimeProvider.System;
        Options = options ?? new InMemoryClusterOptions();
        _random = new Random(Options.Seed);
    }

    public TimeProvider Time { get; }

    public InMemoryClusterOptions Options { get; }

    /// <summary>The revision of the last write (1 before any).</summary>
    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    /// <summary>The compaction point: lists at and watches from revisions below it answer 410 Gone.</summary>
    public long CompactedRevision
    {
        get
        {
            lock (_gate)
            {
                return _compacted;
            }
        }
    }

    internal object Gate => _gate;

    public IResourceClient<T> Resource<T>() where T : class, IKubernetesObject, new()
    {
        lock (_gate)
        {
            if (_resources.TryGetValue(typeof(T), out object? existing))
            {
                return (InMemoryResourceClient<T>)existing;
            }
            ResourceDescriptor<T> descriptor = Options.Catalog.Resources.OfType<ResourceDescriptor<T>>().FirstOrDefault(d => d.Stored)
                ?? throw new InvalidOperationException($"{typeof(T).Name} is not a stored kind of the catalog");
            var client = new InMemoryResourceClient<T>(this, new KindStore<T>(descriptor));
            _resources[typeof(T)] = client;
            return client;
        }
    }

    /// <summary>Compacts history at <paramref name="revision"/> (at most the current one), as the server's compactor does.</summary>
    public void Compact(long revision)
    {
        lock (_gate)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(revision, _revision);
            if (revision <= _compacted)
            {
                return;
            }
            _compacted = revision;
            foreach (IStoreControl resource in _resources.Values.Cast<IStoreControl>())
            {
                resource.Compact(revision);
            }
        }
    }

    /// <summary>Compacts at the current revision: every watch must restart from a list.</summary>
    public void Compact() => Compact(Revision);

    /// <summary>Ends every open watch (as a server restart or a dropped connection would): readers get null.</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            foreach (IStoreControl resource in _resources.Values.Cast<IStoreControl>())
            {
                resource.CloseWatches();
            }
        }
    }

    /// <summary>Posts a BOOKMARK at the current revision to every open watch that allows bookmarks.</summary>
    public void SendBookmarks()
    {
        lock (_gate)
        {
            foreach (IStoreControl resource in _resources.Values.Cast<IStoreControl>())
            {
                resource.SendBookmarks(_revision);
            }
        }
    }

    /// <summary>The open watches of every kind (for tests that check a closed informer released its watch).</summary>
    public int OpenWatches
    {
        get
        {
            lock (_gate)
            {
                return _resources.Values.Cast<IStoreControl>().Sum(r => r.OpenWatches);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                foreach (IStoreControl resource in _resources.Values.Cast<IStoreControl>())
                {
                    resource.CloseWatches();
                }
            }
            _disposed = true;
        }
        return ValueTask.CompletedTask;
    }

    internal long NextRevision() => ++_revision;

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Now, to the second (timestamps are RFC 3339 seconds on the wire).</summary>
    internal DateTime NowSeconds()
    {
        DateTime now = Time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    /// <summary>A version-4 shaped uid from the seeded random source.</summary>
    internal string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary>kube-apiserver's generateName alphabet (no vowels, no look-alikes), five characters.</summary>
    internal string NameSuffix() => new(_random.GetItems<char>("bcdfghjklmnpqrstvwxz2456789", 5));
}
