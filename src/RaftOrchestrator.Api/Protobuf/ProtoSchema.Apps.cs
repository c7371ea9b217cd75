using static RaftOrchestrator.Api.Protobuf.ProtoFlags;
using K = RaftOrchestrator.Api.Protobuf.ProtoKind;

namespace RaftOrchestrator.Api.Protobuf;

// Field numbers and JSON names of k8s.io/api and apimachinery (generated.proto, types.go json tags).
// KeepZero marks fields whose zero value Go writes in JSON (pointers, fields without omitempty).
internal static partial class ProtoSchema
{
    /// <summary>apps/v1 Deployment and ReplicaSet.</summary>
    private static ProtoMessage[] Apps() =>
    [
        M("Deployment",
            F(1, "metadata", K.Message, "ObjectMeta"),
            F(2, "spec", K.Message, "DeploymentSpec"),
            F(3, "status", K.Message, "DeploymentStatus")),
        M("DeploymentSpec",
            F(1, "replicas", K.Int32, KeepZero),
            F(2, "selector", K.Message, "LabelSelector"),
            F(3, "template", K.Message, "PodTemplateSpec"),
            F(4, "strategy", K.Message, "DeploymentStrategy"),
            F(5, "minReadySeconds", K.Int32),
            F(6, "revisionHistoryLimit", K.Int32, KeepZero),
            F(7, "paused", K.Bool),
            F(9, "progressDeadlineSeconds", K.Int32, KeepZero)),
        M("DeploymentStrategy",
            F(1, "type", K.String),
            F(2, "rollingUpdate", K.Message, "RollingUpdateDeployment")),
        M("RollingUpdateDeployment",
            F(1, "maxUnavailable", K.IntOrString),
            F(2, "maxSurge", K.IntOrString)),
        M("DeploymentStatus",
            F(1, "observedGeneration", K.Int64),
            F(2, "replicas", K.Int32),
            F(3, "updatedReplicas", K.Int32),
            F(7, "readyReplicas", K.Int32),
            F(4, "availableReplicas", K.Int32),
            F(5, "unavailableReplicas", K.Int32),
            F(9, "terminatingReplicas", K.Int32, KeepZero),
            F(6, "conditions", K.Message, "DeploymentCondition", Repeated),
            F(8, "collisionCount", K.Int32, KeepZero)),
        M("DeploymentCondition",
            F(1, "type", K.String, KeepZero),
            F(2, "status", K.String, KeepZero),
            F(6, "lastUpdateTime", K.Time),
            F(7, "lastTransitionTime", K.Time),
            F(4, "reason", K.String),
            F(5, "message", K.String)),
        M("ReplicaSet",
            F(1, "metadata", K.Message, "ObjectMeta"),
            F(2, "spec", K.Message, "ReplicaSetSpec"),
            F(3, "status", K.Message, "ReplicaSetStatus")),
        M("ReplicaSetSpec",
            F(1, "replicas", K.Int32, KeepZero),
            F(4, "minReadySeconds", K.Int32),
            F(2, "selector", K.Message, "LabelSelector"),
            F(3, "template", K.Message, "PodTemplateSpec")),
        M("ReplicaSetStatus",
            F(1, "replicas", K.Int32, KeepZero),
            F(2, "fullyLabeledReplicas", K.Int32),
            F(4, "readyReplicas", K.Int32),
            F(5, "availableReplicas", K.Int32),
            F(7, "terminatingReplicas", K.Int32, KeepZero),
            F(3, "observedGeneration", K.Int64),
            F(6, "conditions", K.Message, "ReplicaSetCondition", Repeated)),
        M("ReplicaSetCondition",
            F(1, "type", K.String, KeepZero),
            F(2, "status", K.String, KeepZero),
            F(3, "lastTransitionTime", K.Time),
            F(4, "reason", K.String),
            F(5, "message", K.String)),
    ];
}
