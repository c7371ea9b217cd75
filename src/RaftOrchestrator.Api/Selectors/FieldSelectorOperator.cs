namespace RaftOrchestrator.Api.Selectors;

/// <summary>The operators of a field selector term; "==" is read as <see cref="Equals"/>, as Kubernetes does.</summary>
public enum FieldSelectorOperator
{
    Equals,
    NotEquals,
}
