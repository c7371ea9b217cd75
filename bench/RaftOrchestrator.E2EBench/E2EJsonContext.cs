using System.Text.Json.Serialization;

namespace RaftOrchestrator.E2EBench;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(E2EReport))]
internal sealed partial class E2EJsonContext : JsonSerializerContext;
