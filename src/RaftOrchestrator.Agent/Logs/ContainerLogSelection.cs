using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// Picks the container attempt whose log `kubectl logs` shows, from what the pod worker last published, by the
/// container's status as the agent reports it (the kubelet's validateContainerLogStatus). Pure.
/// </summary>
/// <remarks>
/// With --previous: the attempt of lastState.terminated, else none. Without: the running attempt; else the
/// terminated one (state, then lastState: a container waiting in CrashLoopBackOff shows the attempt that crashed);
/// else it is waiting to start and has no log yet. The status is computed by <see cref="ContainerStatuses"/>, the same
/// code that writes it to the API, so what `kubectl logs` reads is what `kubectl describe` shows.
/// </remarks>
public static class ContainerLogSelection
{
    /// <remarks><paramref name="logDirectory"/>: the pod's log directory, against which a relative log path is resolved.</remarks>
    public static ContainerLogTarget Select(PodView view, string logDirectory, string container, bool previous)
    {
        ArgumentNullException.ThrowIfNull(view);
        string pod = view.Pod.Metadata.Name ?? "";
        ContainerView? found = null;
        bool initializing = false;
        for (int i = 0; i < view.InitContainers.Count && found is null; i++)
        {
            if (view.InitContainers[i].Spec.Name == container)
            {
                found = view.InitContainers[i];
                initializing = !view.InitContainers.Take(i).All(c => c.Succeeded);
            }
        }
        if (found is null && view.Containers.FirstOrDefault(c => c.Spec.Name == container) is { } regular)
        {
            found = regular;
            initializing = !view.InitContainers.All(c => c.Succeeded);
        }
        if (found is null)
        {
            return ContainerLogTarget.NotFound($"container \"{container}\" not found in pod \"{pod}\"");
        }
        ContainerStatus status = ContainerStatuses.Of(found, view.RuntimeName, initializing);
        ContainerStateTerminated? last = status.LastState?.Terminated;
        ContainerState state = status.State ?? new ContainerState();
        string? id;
        if (previous)
        {
            id = last?.ContainerID;
            if (string.IsNullOrEmpty(id))
            {
                return ContainerLogTarget.Unavailable($"previous terminated container \"{container}\" in pod \"{pod}\" not found");
            }
        }
        else if (state.Running is not null)
        {
            id = status.ContainerID;
        }
        else if (state.Terminated is { } terminated)
        {
            id = terminated.ContainerID;
        }
        else if (last is not null)
        {
            id = last.ContainerID;
        }
        else
        {
            return ContainerLogTarget.Unavailable($"container \"{container}\" in pod \"{pod}\" is waiting to start: {state.Waiting?.Reason ?? ContainerStatuses.ContainerCreating}");
        }
        ContainerStatusInfo? attempt = Matching(found.Current, id, view.RuntimeName) ?? Matching(found.Previous, id, view.RuntimeName);
        return attempt is null
            ? ContainerLogTarget.Unavailable($"container \"{container}\" in pod \"{pod}\" is not available")
            : ContainerLogTarget.Found(attempt, Path.GetFullPath(Path.Combine(logDirectory, attempt.LogPath)));
    }

    private static ContainerStatusInfo? Matching(ContainerStatusInfo? attempt, string? id, string runtimeName) =>
        attempt is not null && ContainerStatuses.Id(runtimeName, attempt.Id) == id ? attempt : null;
}
