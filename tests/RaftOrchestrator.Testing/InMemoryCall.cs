namespace RaftOrchestrator.Testing;

/// <summary>One call as a fault rule sees it: the verb, the resource's plural ("pods"), and the object's place.</summary>
public readonly record struct InMemoryCall(InMemoryVerb Verb, string Resource, string? Namespace, string? Name, string? Subresource = null);
