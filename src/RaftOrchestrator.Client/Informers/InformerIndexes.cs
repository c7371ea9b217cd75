namespace RaftOrchestrator.Client.Informers;

/// <summary>The indexes every informer keeps, and the values they are keyed by.</summary>
public static class InformerIndexes
{
    /// <summary>By metadata.namespace ("" for cluster-scoped objects).</summary>
    public const string Namespace = "namespace";

    /// <summary>By "key=value" of each label.</summary>
    public const string Label = "label";

    /// <summary>By the uid of each owner reference.</summary>
    public const string OwnerUid = "owner";

    public static string LabelValue(string key, string value) => $"{key}={value}";
}
