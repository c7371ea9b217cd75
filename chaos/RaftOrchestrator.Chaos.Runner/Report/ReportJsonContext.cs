using System.Text.Json.Serialization;
using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.Cluster.Faults;
using RaftOrchestrator.Chaos.Runner.Recording;

namespace RaftOrchestrator.Chaos.Runner.Report;

/// <summary>Source-generated serialization of the report's own files (the history's are <see cref="History.HistoryJsonContext"/>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FaultRecord))]
[JsonSerializable(typeof(LeaderChange))]
[JsonSerializable(typeof(List<CheckVerdict>))]
[JsonSerializable(typeof(RunFigures))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
