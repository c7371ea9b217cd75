namespace RaftOrchestrator.Client;

/// <summary>A patch document (UTF-8 JSON, or YAML for apply), its type, and the subresource it targets.</summary>
public sealed record Patch(PatchType Type, ReadOnlyMemory<byte> Body, string? Subresource = null)
{
    public static Patch MergeJson(string json, string? subresource = null) =>
        new(PatchType.Merge, System.Text.Encoding.UTF8.GetBytes(json), subresource);
}
