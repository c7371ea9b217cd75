using static RaftOrchestrator.Api.Protobuf.ProtoFlags;
using K = RaftOrchestrator.Api.Protobuf.ProtoKind;

namespace RaftOrchestrator.Api.Protobuf;

// Field numbers and JSON names of k8s.io/api and apimachinery (generated.proto, types.go json tags).
// KeepZero marks fields whose zero value Go writes in JSON (pointers, fields without omitempty).
internal static partial class ProtoSchema
{
    /// <summary>meta/v1 types every kind embeds: ObjectMeta, owner references, label selectors, conditions.</summary>
    private static ProtoMessage[] Meta() =>
    [
        M("ObjectMeta",
            F(1, "name", K.String),
            F(2, "generateName", K.String),
            F(3, "namespace", K.String),
            F(4, "selfLink", K.String),
            F(5, "uid", K.String),
            F(6, "resourceVersion", K.String),
            F(7, "generation", K.Int64),
            F(8, "creationTimestamp", K.Time),
            F(9, "deletionTimestamp", K.Time),
            F(10, "deletionGracePeriodSeconds", K.Int64, KeepZero),
            F(11, "labels", K.MapStringString),
            F(12, "annotations", K.MapStringString),
            F(13, "ownerReferences", K.Message, "OwnerReference", Repeated),
            F(14, "finalizers", K.String, Repeated),
            F(17, "managedFields", K.Message, "ManagedFieldsEntry", Repeated)),
        M("OwnerReference",
            F(5, "apiVersion", K.String, KeepZero),
            F(1, "kind", K.String, KeepZero),
            F(3, "name", K.String, KeepZero),
            F(4, "uid", K.String, KeepZero),
            F(6, "controller", K.Bool, KeepZero),
            F(7, "blockOwnerDeletion", K.Bool, KeepZero)),
        M("ManagedFieldsEntry",
            F(1, "manager", K.String),
            F(2, "operation", K.String),
            F(3, "apiVersion", K.String),
            F(4, "time", K.Time),
            F(6, "fieldsType", K.String),
            F(7, "fieldsV1", K.RawJson),
            F(8, "subresource", K.String)),
        M("Condition",
            F(1, "type", K.String, KeepZero),
            F(2, "status", K.String, KeepZero),
            F(3, "observedGeneration", K.Int64),
            F(4, "lastTransitionTime", K.Time),
            F(5, "reason", K.String, KeepZero),
            F(6, "message", K.String, KeepZero)),
        M("LabelSelector",
            F(1, "matchLabels", K.MapStringString),
            F(2, "matchExpressions", K.Message, "LabelSelectorRequirement", Repeated)),
        M("LabelSelectorRequirement",
            F(1, "key", K.String, KeepZero),
            F(2, "operator", K.String, KeepZero),
            F(3, "values", K.String, Repeated)),
        M("FieldSelectorRequirement",
            F(1, "key", K.String, KeepZero),
            F(2, "operator", K.String, KeepZero),
            F(3, "values", K.String, Repeated)),
    ];
}
