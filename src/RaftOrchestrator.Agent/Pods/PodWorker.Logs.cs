using RaftOrchestrator.Agent.Statuses;

namespace RaftOrchestrator.Agent.Pods;

internal sealed partial class PodWorker
{
    /// <summary>
    /// The view of the pod the loop last turned into a status (null before the first, and for a pod the agent only
    /// observed). Written by the loop only, read by log requests on other threads: a PodView and everything in it is
    /// immutable, so a reader sees one whole sync's view, at most one sync old.
    /// </summary>
    private PodView? _published;

    /// <summary>What `kubectl logs` reads from (see <see cref="_published"/>).</summary>
    public PodView? LastPublished => Volatile.Read(ref _published);

    /// <summary>Gone from the API (being cleaned up); a newer pod of the same name may have a worker too.</summary>
    public bool IsRemoved
    {
        get
        {
            lock (_gate)
            {
                return _removed;
            }
        }
    }

    /// <summary>Keeps <paramref name="view"/> as <see cref="LastPublished"/>; answers it.</summary>
    private PodView Published(PodView view)
    {
        Volatile.Write(ref _published, view);
        return view;
    }
}
