using static RaftOrchestrator.Api.Protobuf.ProtoFlags;
using K = RaftOrchestrator.Api.Protobuf.ProtoKind;

namespace RaftOrchestrator.Api.Protobuf;

// Field numbers and JSON names of k8s.io/api and apimachinery (generated.proto, types.go json tags).
// KeepZero marks fields whose zero value Go writes in JSON (pointers, fields without omitempty).
internal static partial class ProtoSchema
{
    /// <summary>authorization/v1 SelfSubjectAccessReview and authentication/v1 SelfSubjectReview.</summary>
    private static ProtoMessage[] Auth() =>
    [
        M("SelfSubjectAccessReview",
            F(1, "metadata", K.Message, "ObjectMeta"),
            F(2, "spec", K.Message, "SelfSubjectAccessReviewSpec"),
            F(3, "status", K.Message, "SubjectAccessReviewStatus")),
        M("SelfSubjectAccessReviewSpec",
            F(1, "resourceAttributes", K.Message, "ResourceAttributes"),
            F(2, "nonResourceAttributes", K.Message, "NonResourceAttributes")),
        M("ResourceAttributes",
            F(1, "namespace", K.String),
            F(2, "verb", K.String),
            F(3, "group", K.String),
            F(4, "version", K.String),
            F(5, "resource", K.String),
            F(6, "subresource", K.String),
            F(7, "name", K.String),
            F(8, "fieldSelector", K.Message, "FieldSelectorAttributes"),
            F(9, "labelSelector", K.Message, "LabelSelectorAttributes")),
        M("FieldSelectorAttributes",
            F(1, "rawSelector", K.String),
            F(2, "requirements", K.Message, "FieldSelectorRequirement", Repeated)),
        M("LabelSelectorAttributes",
            F(1, "rawSelector", K.String),
            F(2, "requirements", K.Message, "LabelSelectorRequirement", Repeated)),
        M("NonResourceAttributes",
            F(1, "path", K.String),
            F(2, "verb", K.String)),
        M("SubjectAccessReviewStatus",
            F(1, "allowed", K.Bool, KeepZero),
            F(4, "denied", K.Bool),
            F(2, "reason", K.String),
            F(3, "evaluationError", K.String)),
        M("SelfSubjectReview",
            F(1, "metadata", K.Message, "ObjectMeta"),
            F(2, "status", K.Message, "SelfSubjectReviewStatus")),
        M("SelfSubjectReviewStatus",
            F(1, "userInfo", K.Message, "UserInfo")),
        M("UserInfo",
            F(1, "username", K.String),
            F(2, "uid", K.String),
            F(3, "groups", K.String, Repeated),
            F(4, "extra", K.MapStringList)),
    ];
}
