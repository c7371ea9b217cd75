using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>
/// Reads one source at once and then every period (the kubelet's fileCheckFrequency, httpCheckFrequency), handing
/// what it read to the publish callback of <see cref="RunAsync"/>; for a manifest path, a file system watcher also asks for a read as soon
/// as something in it changes (such a read is not a relist, see <see cref="ManifestDirectory"/>). A read that fails
/// unexpectedly is logged and the loop goes on.
/// </summary>
/// <remarks>Only the loop reads the source; the timer and the watcher only post to a kick channel of one slot.</remarks>
internal sealed class ManifestPoller(IManifestSource source, TimeSpan period, TimeProvider time, ILogger logger, string? watchPath = null)
{
    private readonly Channel<bool> _kicks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private int _relist = 1;

    /// <summary>The config.source of the pods it reads.</summary>
    public string SourceName => source.Name;

    /// <summary>Reads until cancelled; <paramref name="publish"/> gets (source name, every pod it now describes).</summary>
    public async Task RunAsync(Action<string, IReadOnlyList<Pod>> publish, CancellationToken cancellationToken)
    {
        using ITimer timer = time.CreateTimer(static state => ((ManifestPoller)state!).Relist(), this, period, period);
        using FileSystemWatcher? watcher = Watch(watchPath);
        _kicks.Writer.TryWrite(true);
        try
        {
            while (await _kicks.Reader.WaitToReadAsync(cancellationToken))
            {
                _kicks.Reader.TryRead(out _);
                bool relist = Interlocked.Exchange(ref _relist, 0) == 1;
                try
                {
                    if (await source.ReadAsync(relist, cancellationToken) is { } pods)
                    {
                        publish(source.Name, pods);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    StaticPodLog.SyncFailed(logger, e, $"reading {source.Location}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private void Relist()
    {
        Volatile.Write(ref _relist, 1);
        _kicks.Writer.TryWrite(true);
    }

    private void Changed() => _kicks.Writer.TryWrite(true);

    /// <summary>A watcher of the manifest directory (or of the one file's directory, filtered to it); null when there is none to watch.</summary>
    private FileSystemWatcher? Watch(string? path)
    {
        if (path is null)
        {
            return null;
        }
        FileSystemWatcher? watcher = null;
        try
        {
            if (Directory.Exists(path))
            {
                watcher = new FileSystemWatcher(path);
            }
            else if (File.Exists(path))
            {
                watcher = new FileSystemWatcher(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path));
            }
            else
            {
                return null; // created later: the periodic read finds it
            }
            watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size;
            watcher.Changed += (_, _) => Changed();
            watcher.Created += (_, _) => Changed();
            watcher.Deleted += (_, _) => Changed();
            watcher.Renamed += (_, _) => Changed();
            watcher.Error += (_, _) => Relist();
            watcher.EnableRaisingEvents = true;
            FileSystemWatcher started = watcher;
            watcher = null;
            return started;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            StaticPodLog.ManifestPathUnreadable(logger, path, $"not watched ({e.Message}); read every {period.TotalSeconds:0} s");
            return null;
        }
        finally
        {
            watcher?.Dispose();
        }
    }
}
