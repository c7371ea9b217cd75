using System.Diagnostics.CodeAnalysis;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Scheduling;

/// <summary>The configured profiles, one <see cref="Scheduler"/> each, chosen by a pod's spec.schedulerName.</summary>
public sealed class Profiles
{
    private readonly Dictionary<string, Scheduler> _byName = new(StringComparer.Ordinal);

    /// <param name="profiles">The profiles; scheduler names must be distinct.</param>
    /// <param name="registry">Where the profiles' plugins come from.</param>
    /// <param name="seed">Profile i's tie-breaking Random is seeded with seed + i.</param>
    public Profiles(IEnumerable<SchedulerProfile> profiles, PluginRegistry registry, int seed)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        int i = 0;
        foreach (SchedulerProfile profile in profiles)
        {
            if (_byName.ContainsKey(profile.SchedulerName))
            {
                throw new ArgumentException($"duplicate profile {profile.SchedulerName}", nameof(profiles));
            }
            _byName[profile.SchedulerName] = new Scheduler(SchedulingFramework.Create(profile, registry), unchecked(seed + i++));
        }
    }

    public IEnumerable<string> SchedulerNames => _byName.Keys;

    /// <summary>The profile for the pod (an empty schedulerName is default-scheduler); false when none handles it.</summary>
    public bool TryGet(Pod pod, [NotNullWhen(true)] out Scheduler? scheduler)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string name = string.IsNullOrEmpty(pod.Spec.SchedulerName) ? DefaultProfile.SchedulerName : pod.Spec.SchedulerName;
        return _byName.TryGetValue(name, out scheduler);
    }

    public Scheduler this[string schedulerName] => _byName[schedulerName];
}
