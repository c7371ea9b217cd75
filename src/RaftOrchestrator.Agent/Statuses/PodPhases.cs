using RaftOrchestrator.Agent.Runtime;

namespace RaftOrchestrator.Agent.Statuses;

/// <summary>The pod phase from its containers, as the kubelet's getPhase decides it.</summary>
public static class PodPhases
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";

    public static bool IsTerminal(string? phase) => phase is Succeeded or Failed;

    /// <summary>
    /// Init containers first: one that has not succeeded keeps the pod Pending, or makes it Failed when it failed and
    /// the policy is Never. Then the containers: any waiting to start (never run) is Pending; any running is Running;
    /// all stopped is Succeeded when every one exited 0 and Failed when not — unless the policy restarts them
    /// (Always; OnFailure after a failure), which is Running. A crash-looping container (waiting after an exit)
    /// counts as stopped. A terminal pod (<see cref="PodView.Terminal"/>) restarts nothing, so it ends Succeeded or
    /// Failed whatever the policy.
    /// </summary>
    public static string Of(PodView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        string policy = view.Pod.Spec.RestartPolicy ?? "Always";
        int pendingInit = 0, failedInit = 0;
        foreach (ContainerView init in view.InitContainers)
        {
            if (init.Succeeded)
            {
                continue;
            }
            if (init.LastExited is { ExitCode: not 0 } && !init.Running)
            {
                failedInit++;
            }
            else
            {
                pendingInit++;
            }
        }
        if (failedInit > 0 && (policy == "Never" || view.Terminal))
        {
            return Failed;
        }
        if (pendingInit > 0 || failedInit > 0)
        {
            return view.Terminal ? Failed : Pending;
        }

        int waiting = 0, running = 0, stopped = 0, succeeded = 0;
        foreach (ContainerView container in view.Containers)
        {
            if (container.Running)
            {
                running++;
            }
            else if (container.LastExited is { } exited && container.Current?.State is not (ContainerRunState.Running or ContainerRunState.Created))
            {
                stopped++;
                // Succeeded only as shown: terminated with 0, not waiting to restart after a clean exit.
                if (exited.ExitCode == 0 && container.Current == exited && container.WaitingReason is null)
                {
                    succeeded++;
                }
            }
            else
            {
                waiting++;
            }
        }
        if (view.Terminal && running == 0)
        {
            return stopped > 0 && stopped == succeeded && waiting == 0 ? Succeeded : Failed;
        }
        if (waiting > 0)
        {
            return Pending;
        }
        if (running > 0)
        {
            return Running;
        }
        if (stopped == 0)
        {
            return Pending;
        }
        if (policy == "Always")
        {
            return Running;
        }
        if (stopped == succeeded)
        {
            return Succeeded;
        }
        return policy == "Never" ? Failed : Running;
    }
}
