using RaftOrchestrator.Agent.Pods;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// The logs of the containers this agent runs, for its /containerLogs/{namespace}/{pod}/{container} endpoint (what
/// the API server proxies `kubectl logs` to). Two steps, so the endpoint can answer an error status before it starts
/// a body: <see cref="Find"/> picks the log (or says why there is none), <see cref="CopyAsync"/> streams it.
/// </summary>
/// <remarks>
/// Thread-safe: a lookup reads the pod manager's concurrent table and the immutable view a pod worker last
/// published; it never waits for a worker. Follow polls the file and asks the runtime whether the attempt still
/// runs: the process runtime closes a container's log before it reports the exit, so once the attempt is not
/// running the file is complete, and the copy ends after draining it (as the kubelet's follow does).
/// </remarks>
public sealed class ContainerLogs
{
    private readonly Func<PodManager?> _pods;
    private readonly IContainerRuntime _runtime;
    private readonly string _dataDirectory;
    private readonly TimeProvider _time;

    internal ContainerLogs(Func<PodManager?> pods, IContainerRuntime runtime, string dataDirectory, TimeProvider time)
    {
        _pods = pods;
        _runtime = runtime;
        _dataDirectory = dataDirectory;
        _time = time;
    }

    /// <summary>The log of <paramref name="container"/> of pod <paramref name="namespace"/>/<paramref name="pod"/> (its previous attempt's with <paramref name="previous"/>).</summary>
    public ContainerLogTarget Find(string @namespace, string pod, string container, bool previous)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(pod);
        ArgumentException.ThrowIfNullOrEmpty(container);
        if (_pods()?.Find(@namespace, pod) is not { } worker)
        {
            return ContainerLogTarget.NotFound($"pod \"{pod}\" does not exist");
        }
        if (worker.LastPublished is not { } view)
        {
            return ContainerLogTarget.Unavailable($"container \"{container}\" in pod \"{pod}\" is not available");
        }
        return ContainerLogSelection.Select(view, PodPaths.LogDirectory(_dataDirectory, @namespace, pod, worker.Uid), container, previous);
    }

    /// <summary>
    /// Writes the log <paramref name="target"/> names to <paramref name="destination"/> as `kubectl logs` prints it,
    /// with <paramref name="options"/> (follow, tail, since, timestamps, limit); flushes after each chunk when
    /// following. Returns when the log is copied (followed: the attempt ended and the file is drained), or throws
    /// <see cref="OperationCanceledException"/> when cancelled (the client went away). A log file that does not exist
    /// (the attempt never started) is copied as empty.
    /// </summary>
    public async Task CopyAsync(ContainerLogTarget target, PodLogOptions options, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(destination);
        if (target is not { Outcome: ContainerLogOutcome.Found, Container: { } attempt, Path: { } path })
        {
            throw new ArgumentException("Only a found log can be copied.", nameof(target));
        }
        var read = new CriLogReadOptions
        {
            Follow = options.Follow,
            Timestamps = options.Timestamps,
            TailLines = options.TailLines,
            LimitBytes = options.LimitBytes,
            Since = options.Since(_time.GetUtcNow()),
        };
        await CriLogReader.CopyToAsync(path, read, destination, ct => IsRunningAsync(attempt.Id, ct), _time, cancellationToken);
    }

    /// <summary>Whether the attempt may still write: created or running, as the runtime has it now.</summary>
    private async ValueTask<bool> IsRunningAsync(string containerId, CancellationToken cancellationToken)
    {
        RuntimeResult<ContainerStatusInfo> status = await _runtime.ContainerStatusAsync(containerId, cancellationToken);
        return status.IsOk && status.Value!.State is ContainerRunState.Running or ContainerRunState.Created;
    }
}
