using RaftOrchestrator.BenchHarness.Pods;
using System.Globalization;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// One pods watch (cluster-wide, optionally field-selected) on a <see cref="PodWatchLoop"/>: every event goes to the
/// callback as a <see cref="PodEvent"/>; after a 410 every pod is listed and handed over as a
/// <see cref="PodEvent.Listed"/> event, on the loop's reader task as well. Runs until cancelled.
/// </summary>
internal sealed class PodWatch
{
    public const int MaxReopens = 20;
    private readonly KubeCalls _api;
    private readonly Action<PodEvent> _onEvent;
    private readonly Action<string> _note;
    private readonly PodWatchLoop _loop;

    public PodWatch(KubeCalls api, string fieldSelector, Action<PodEvent> onEvent, Action<string> note)
    {
        (_api, _onEvent, _note) = (api, onEvent, note);
        _loop = new PodWatchLoop("the pod watch" + (fieldSelector.Length == 0 ? "" : $" ({fieldSelector})"), MaxReopens,
            "the bind times of pods found bound by the list are the list's time",
            (revision, ct) => api.OpenWatchAsync(PodWatchLoop.WatchPath(null, fieldSelector, revision), ct),
            RelistAsync, (f, _) => onEvent(new PodEvent(f.Type, f.Revision, f.Namespace, f.Name, f.NodeName)), note);
    }

    /// <summary>Completes when the first watch request has been answered 200 (its events are flowing).</summary>
    public Task Connected => _loop.Connected;

    public Task RunAsync(long fromRevision, CancellationToken ct) => _loop.RunAsync(fromRevision, ct);

    /// <summary>
    /// Lists every pod (pages of 1,000) into the callback; the list's revision (the first page's, also when a later
    /// page failed), or null when the first page failed.
    /// </summary>
    private async Task<long?> RelistAsync(CancellationToken ct)
    {
        string? token = null;
        long? revision = null;
        for (int page = 0; page < 10_000; page++)
        {
            (Api.Meta.ObjectList<Api.Core.Pod>? list, string? error) = await _api.ListPodsAsync(token, 1_000, ct);
            if (list is null)
            {
                _note($"re-list of pods failed: {error}");
                return revision;
            }
            revision ??= long.TryParse(list.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out long rv) ? rv : null;
            foreach (Api.Core.Pod pod in list.Items)
            {
                _onEvent(new PodEvent(PodEvent.Listed, revision ?? 0, pod.Metadata.Namespace, pod.Metadata.Name, string.IsNullOrEmpty(pod.Spec.NodeName) ? null : pod.Spec.NodeName));
            }
            token = list.Metadata.Continue;
            if (string.IsNullOrEmpty(token))
            {
                break;
            }
        }
        return revision;
    }
}
