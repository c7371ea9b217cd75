using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

public sealed class KubernetesClientSingleReplicaTests(SingleReplicaKubeFixture fixture)
    : KubernetesClientTests<SingleReplicaKubeFixture>(fixture), IClassFixture<SingleReplicaKubeFixture>;
