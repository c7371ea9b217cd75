using System.Text.Json.Serialization;

namespace RaftOrchestrator.Chaos.History;

/// <summary>
/// Source-generated serialization of the history records: camelCase, enums as strings, nulls and defaults left out
/// so that a line carries only what its kind uses.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    WriteIndented = false)]
[JsonSerializable(typeof(Operation))]
[JsonSerializable(typeof(WatchRecord))]
[JsonSerializable(typeof(FinalRead))]
[JsonSerializable(typeof(ClusterSnapshot))]
[JsonSerializable(typeof(BindObservation))]
public sealed partial class HistoryJsonContext : JsonSerializerContext;
