namespace RaftOrchestrator.BenchHarness;

public static class WireFormats
{
    public const string JsonMediaType = "application/json";
    public const string MessagePackMediaType = "application/vnd.raftorchestrator.msgpack";

    public static string MediaType(this WireFormat format) =>
        format == WireFormat.MessagePack ? MessagePackMediaType : JsonMediaType;

    /// <summary>The name used on the command line, in the table and in the JSON results.</summary>
    public static string Name(this WireFormat format) => format == WireFormat.MessagePack ? "msgpack" : "json";

    public static WireFormat Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "json" => WireFormat.Json,
        "msgpack" or "messagepack" => WireFormat.MessagePack,
        _ => throw new ArgumentException($"unknown format \"{name}\" (json, msgpack)"),
    };
}
