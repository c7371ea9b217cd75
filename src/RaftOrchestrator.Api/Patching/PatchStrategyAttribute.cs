namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// A property's strategic merge patch strategy, as Kubernetes' <c>patchStrategy</c> tag: "merge" (a list of
/// scalars merged as a set, e.g. finalizers), "retainKeys" (a struct whose unset keys are cleared, e.g.
/// Deployment strategy and volume sources), or "merge,retainKeys".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatchStrategyAttribute(string strategy) : Attribute
{
    public string Strategy { get; } = strategy;
}
