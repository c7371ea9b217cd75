using System.Text.Json.Serialization;

namespace RaftOrchestrator.SchedBench;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SchedReport))]
internal sealed partial class SchedJsonContext : JsonSerializerContext;
