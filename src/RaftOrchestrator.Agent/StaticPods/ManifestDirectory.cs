using Microsoft.Extensions.Logging;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>
/// The file source (the kubelet's staticPodPath): a directory whose regular files are each one pod manifest, or a
/// single manifest file. As the kubelet: every file whose name does not start with "." is read, whatever its
/// extension, in name order; sub-directories are not entered; a file that cannot be read or is not a valid pod is
/// logged and skipped while the others run; a path that does not exist holds no pods.
/// </summary>
/// <remarks>
/// A periodic read (relist) replaces everything: the pod of a file that turned bad is dropped, so it stops. A read
/// asked for by a change notification keeps the last good pods of a file that now fails, as the kubelet's watch
/// does, so a manifest caught half-written by an editor does not stop its pod; the next relist settles it. Each
/// file's failure is logged once, and again only when it changes. Not thread-safe: one poller reads it.
/// </remarks>
internal sealed class ManifestDirectory(string path, string nodeName, ILogger logger) : IManifestSource
{
    private readonly Dictionary<string, IReadOnlyList<Pod>> _lastGood = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);
    private string? _pathFailure;

    public string Name => StaticPodAnnotations.FileSource;

    public string Location => path;

    public Task<IReadOnlyList<Pod>?> ReadAsync(bool relist, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Pod>?>(Read(relist));

    private List<Pod>? Read(bool relist)
    {
        string[] files;
        try
        {
            if (File.Exists(path))
            {
                files = [path];
            }
            else if (Directory.Exists(path))
            {
                files = [.. Directory.EnumerateFileSystemEntries(path).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)];
            }
            else
            {
                PathFailed("does not exist");
                _lastGood.Clear();
                return [];
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PathFailed(e.Message);
            return null;
        }
        _pathFailure = null;
        var pods = new List<Pod>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            present.Add(file);
            ManifestRead read = ReadFile(file);
            if (read.IsOk)
            {
                if (_failures.Remove(file))
                {
                    StaticPodLog.ManifestRecovered(logger, file);
                }
                _lastGood[file] = read.Pods;
                pods.AddRange(read.Pods);
                continue;
            }
            if (read.Error is not null && (!_failures.TryGetValue(file, out string? before) || before != read.Error))
            {
                _failures[file] = read.Error;
                StaticPodLog.ManifestSkipped(logger, file, read.Error);
            }
            if (!relist && _lastGood.TryGetValue(file, out IReadOnlyList<Pod>? previous))
            {
                pods.AddRange(previous);
            }
            else
            {
                _lastGood.Remove(file);
            }
        }
        foreach (string gone in _lastGood.Keys.Where(f => !present.Contains(f)).ToList())
        {
            _lastGood.Remove(gone);
        }
        foreach (string gone in _failures.Keys.Where(f => !present.Contains(f)).ToList())
        {
            _failures.Remove(gone);
        }
        return pods;
    }

    /// <summary>One entry: a sub-directory is reported and skipped (error null, no pods), a regular file decoded.</summary>
    private ManifestRead ReadFile(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                return Directory.Exists(file) ? ManifestRead.Fail("a directory: not recursing into it") : ManifestRead.Fail("not a regular file");
            }
            if (info.Length > YamlToJson.MaxLength)
            {
                return ManifestRead.Fail($"larger than {YamlToJson.MaxLength} bytes");
            }
            byte[] content = File.ReadAllBytes(file);
            return StaticPodManifest.ReadFile(content, file, nodeName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ManifestRead.Fail($"cannot read it: {e.Message}");
        }
    }

    private void PathFailed(string why)
    {
        if (_pathFailure != why)
        {
            _pathFailure = why;
            StaticPodLog.ManifestPathUnreadable(logger, path, why);
        }
    }
}
