namespace RaftOrchestrator.Api.Protobuf;

/// <summary>
/// The message descriptors the decoder knows, as data: the closure of every field type reachable from the root
/// kinds (no field of those kinds is dropped for want of a descriptor). Each area's descriptors are in a partial
/// file; names are Go type names, unique across the packages covered.
/// </summary>
internal static partial class ProtoSchema
{
    private static readonly Dictionary<string, ProtoMessage> s_messages = Link(
        [.. Meta(), .. CoreKinds(), .. PodSpec(), .. Container(), .. Volumes(), .. PodStatus(), .. Apps(), .. Auth()]);

    private static readonly Dictionary<(string ApiVersion, string Kind), ProtoMessage> s_roots = new()
    {
        [("v1", "Namespace")] = s_messages["Namespace"],
        [("v1", "ConfigMap")] = s_messages["ConfigMap"],
        [("v1", "Secret")] = s_messages["Secret"],
        [("v1", "ServiceAccount")] = s_messages["ServiceAccount"],
        [("v1", "Service")] = s_messages["Service"],
        [("v1", "Pod")] = s_messages["Pod"],
        [("apps/v1", "Deployment")] = s_messages["Deployment"],
        [("apps/v1", "ReplicaSet")] = s_messages["ReplicaSet"],
        [("authorization.k8s.io/v1", "SelfSubjectAccessReview")] = s_messages["SelfSubjectAccessReview"],
        [("authentication.k8s.io/v1", "SelfSubjectReview")] = s_messages["SelfSubjectReview"],
    };

    /// <summary>runtime.Unknown's typeMeta (not meta/v1 TypeMeta, whose numbers are the other way round).</summary>
    public static ProtoMessage TypeMeta { get; } = M("runtime.TypeMeta",
        F(1, "apiVersion", ProtoKind.String),
        F(2, "kind", ProtoKind.String));

    public static IReadOnlyDictionary<string, ProtoMessage> Messages => s_messages;

    public static ProtoMessage? Root(string apiVersion, string kind) => s_roots.GetValueOrDefault((apiVersion, kind));

    private static ProtoMessage M(string name, params ProtoField[] fields) => new(name, fields);

    private static ProtoField F(int number, string json, ProtoKind kind, ProtoFlags flags = ProtoFlags.None) =>
        new(number, json, kind, null, flags);

    private static ProtoField F(int number, string json, ProtoKind kind, string message, ProtoFlags flags = ProtoFlags.None) =>
        new(number, json, kind, message, flags);

    // A missing descriptor is a bug in the tables, found when the type is first used (and by the tests).
    private static Dictionary<string, ProtoMessage> Link(ProtoMessage[] messages)
    {
        Dictionary<string, ProtoMessage> byName = messages.ToDictionary(m => m.Name, StringComparer.Ordinal);
        foreach (ProtoField field in messages.SelectMany(m => m.Fields).Where(f => f.MessageName is not null))
        {
            field.Message = byName.TryGetValue(field.MessageName!, out ProtoMessage? target)
                ? target
                : throw new InvalidOperationException($"protobuf schema: no descriptor for {field.MessageName}");
        }
        return byName;
    }
}
