namespace RaftOrchestrator.Ctl.Etcd;

/// <summary>No endpoint gave a final answer; the message says, per endpoint tried, what happened.</summary>
internal sealed class NoEndpointAnsweredException(IReadOnlyList<string> failures) : Exception(string.Join("; ", failures));
