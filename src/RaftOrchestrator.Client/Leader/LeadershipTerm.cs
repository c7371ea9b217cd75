namespace RaftOrchestrator.Client.Leader;

/// <summary>
/// One uninterrupted stretch of leadership by this elector. <see cref="LeaseTransitions"/> is the fencing token:
/// every term (of any candidate) gets a larger value than every earlier term, so a writer that stamps its writes
/// with it, or compares it with the Lease before acting, can tell a stale leader from the current one.
/// </summary>
/// <param name="Identity">The holder identity written into the Lease.</param>
/// <param name="LeaseTransitions">spec.leaseTransitions as this term wrote it.</param>
/// <param name="AcquireTime">spec.acquireTime as this term wrote it (our clock, just before the acquiring write).</param>
public sealed record LeadershipTerm(string Identity, int LeaseTransitions, DateTimeOffset AcquireTime);
