namespace RaftOrchestrator.Scheduling.Cache;

/// <summary>
/// <see cref="Count"/> pods of one node that share a group key (<see cref="PodInfo.GroupKey"/> or
/// <see cref="PodInfo.AntiAffinityGroupKey"/>); <see cref="Representative"/> is one of them.
/// </summary>
internal readonly record struct PodGroup(PodInfo Representative, string Key, int Count);
