using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Server.Tests.Contract;

/// <summary>
/// The <see cref="IClusterClient"/> contract, written once and run against every implementation over a real server:
/// HTTP with MessagePack, HTTP with JSON, the in-process client, and HTTP against a follower of three processes
/// (RaftOrchestrator.Integration.Tests links this file). Each test works in a namespace of its own, named after the
/// implementation's <see cref="Tag"/>, and is bounded by <see cref="TestTimeout"/>. The partial files group the
/// points: reads, writes, deletes, watches, subresources and failures.
/// </summary>
/// <remarks>
/// A watch from a compacted revision answers 200 and then one <see cref="WatchEventType.Error"/> event carrying a
/// 410 Status (as kube-apiserver's watch cache does), not a failed <c>WatchAsync</c>; the stream ends after it.
/// </remarks>
public abstract partial class ClusterClientContractTests : IAsyncLifetime
{
    protected static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    protected CancellationToken Ct => _timeout.Token;

    protected abstract IClusterClient Client { get; }

    /// <summary>A short name of the implementation (lower case), so suites sharing one server use distinct namespaces.</summary>
    protected abstract string Tag { get; }

    /// <summary>Compacts the server's store at <paramref name="revision"/>.</summary>
    protected abstract Task CompactAsync(long revision, CancellationToken cancellationToken);

    public virtual ValueTask InitializeAsync()
    {
        _timeout.CancelAfter(TestTimeout);
        return ValueTask.CompletedTask;
    }

    public virtual ValueTask DisposeAsync()
    {
        _timeout.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Creates the test's namespace, "&lt;tag&gt;-&lt;name&gt;".</summary>
    protected async Task<string> NamespaceAsync(string name)
    {
        string ns = $"{Tag}-{name}";
        ApiResult<Namespace> created = await Client.Resource<Namespace>().CreateAsync(new Namespace { Metadata = new ObjectMeta { Name = ns } }, cancellationToken: Ct);
        Assert.True(created.IsOk, created.ToString());
        return ns;
    }

    protected static ConfigMap Map(string ns, string name, Dictionary<string, string>? labels = null, Dictionary<string, string>? data = null) => new()
    {
        Metadata = new ObjectMeta { Namespace = ns, Name = name, Labels = labels },
        Data = data ?? new Dictionary<string, string> { ["k"] = "v" },
    };

    protected static Pod PodOf(string ns, string name, params string[] containers) => new()
    {
        Metadata = new ObjectMeta { Namespace = ns, Name = name },
        Spec = new PodSpec { Containers = [.. (containers.Length == 0 ? ["main"] : containers).Select(c => new Container { Name = c, Image = "busybox:1" })] },
    };

    protected async Task<T> CreatedAsync<T>(T value) where T : class, IKubernetesObject, new()
    {
        ApiResult<T> created = await Client.Resource<T>().CreateAsync(value, cancellationToken: Ct);
        Assert.True(created.IsOk, created.ToString());
        return created.Value;
    }

    /// <summary>The next event of the stream (bookmarks skipped unless asked for); a stream that ends first fails the test.</summary>
    protected async Task<WatchEvent<T>> NextAsync<T>(IWatchStream<T> stream, bool bookmarks = false) where T : class
    {
        while (true)
        {
            WatchEvent<T>? next = await stream.ReadAsync(Ct);
            Assert.True(next is not null, "the watch ended before the expected event");
            if (bookmarks || next.Value.Type != WatchEventType.Bookmark)
            {
                return next.Value;
            }
        }
    }

    protected static long Revision(string? resourceVersion) =>
        long.Parse(resourceVersion ?? throw new InvalidOperationException("no resourceVersion"), System.Globalization.CultureInfo.InvariantCulture);
}
