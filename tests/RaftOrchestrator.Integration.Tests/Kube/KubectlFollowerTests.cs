using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>The same suite against a follower of a three-replica cluster.</summary>
public sealed class KubectlFollowerTests(ThreeReplicaKubeFixture fixture)
    : KubectlAcceptanceTests<ThreeReplicaKubeFixture>(fixture), IClassFixture<ThreeReplicaKubeFixture>;
