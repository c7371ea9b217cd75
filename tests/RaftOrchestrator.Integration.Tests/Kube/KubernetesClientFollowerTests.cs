using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>The same suite against a follower of three: writes are forwarded to the leader, reads wait on a ReadIndex.</summary>
public sealed class KubernetesClientFollowerTests(ThreeReplicaKubeFixture fixture)
    : KubernetesClientTests<ThreeReplicaKubeFixture>(fixture), IClassFixture<ThreeReplicaKubeFixture>;
