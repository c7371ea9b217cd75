using System.Text.Json.Serialization;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>Pods and the controllers of pods (core/v1 and apps/v1). Only roots are listed; nested types follow.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(ObjectList<Pod>))]
[JsonSerializable(typeof(ReplicationController))]
[JsonSerializable(typeof(ObjectList<ReplicationController>))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(ObjectList<Deployment>))]
[JsonSerializable(typeof(ReplicaSet))]
[JsonSerializable(typeof(ObjectList<ReplicaSet>))]
public sealed partial class WorkloadsJsonContext : JsonSerializerContext;
