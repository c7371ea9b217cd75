using RaftOrchestrator.Api.Coordination;

namespace RaftOrchestrator.Client.Leader;

/// <summary>The election fields of a Lease's spec, compared by value to tell whether the record changed.</summary>
internal readonly record struct LeaseRecord(
    string Holder, int? LeaseDurationSeconds, DateTime? AcquireTime, DateTime? RenewTime, int LeaseTransitions)
{
    public static LeaseRecord Of(Lease lease)
    {
        LeaseSpec spec = lease.Spec ?? new LeaseSpec();
        return new LeaseRecord(
            spec.HolderIdentity ?? "", spec.LeaseDurationSeconds, spec.AcquireTime, spec.RenewTime, spec.LeaseTransitions ?? 0);
    }

    public void WriteTo(Lease lease)
    {
        LeaseSpec spec = lease.Spec ??= new LeaseSpec();
        spec.HolderIdentity = Holder;
        spec.LeaseDurationSeconds = LeaseDurationSeconds;
        spec.AcquireTime = AcquireTime;
        spec.RenewTime = RenewTime;
        spec.LeaseTransitions = LeaseTransitions;
    }
}
