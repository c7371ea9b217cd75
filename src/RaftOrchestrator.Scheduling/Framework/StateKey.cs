namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A typed key into <see cref="CycleState"/>. Keys compare by reference: each plugin keeps one static readonly
/// instance (immutable, so sharing it across schedulers and threads is safe).
/// </summary>
public sealed class StateKey<T>(string name)
    where T : class, IStateData
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}
