using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

public sealed class KubectlSingleReplicaTests(SingleReplicaKubeFixture fixture)
    : KubectlAcceptanceTests<SingleReplicaKubeFixture>(fixture), IClassFixture<SingleReplicaKubeFixture>;
