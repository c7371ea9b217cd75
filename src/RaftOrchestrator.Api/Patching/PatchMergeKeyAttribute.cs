namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// Marks a list property that strategic merge patch merges element by element, matching elements by this key
/// (Kubernetes' <c>patchStrategy:"merge" patchMergeKey:"name"</c> struct tags). Lists without it are replaced
/// whole, as in Kubernetes, except lists of scalars marked with <see cref="PatchStrategyAttribute"/> "merge".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatchMergeKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
