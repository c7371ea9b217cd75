namespace RaftOrchestrator.Chaos.History;

/// <summary>How an append-only list is stored in its one etcd key (see <see cref="OperationKind.Append"/>).</summary>
public static class ListEncoding
{
    /// <summary>Elements never contain it: the traffic generates them as "c{client}-{n}".</summary>
    public const char Separator = ',';

    public static string Encode(IEnumerable<string> elements) => string.Join(Separator, elements);

    public static IReadOnlyList<string> Decode(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(Separator);
}
