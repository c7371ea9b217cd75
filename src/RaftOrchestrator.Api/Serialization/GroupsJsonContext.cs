using System.Text.Json.Serialization;
using RaftOrchestrator.Api.Authentication;
using RaftOrchestrator.Api.Authorization;
using RaftOrchestrator.Api.Autoscaling;
using RaftOrchestrator.Api.Coordination;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Policy;
using RaftOrchestrator.Api.Scheduling;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>The kinds of the smaller groups (coordination, scheduling, autoscaling, policy, authorization, authentication) and scheduling.raftorchestrator.io.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(ObjectList<Lease>))]
[JsonSerializable(typeof(PriorityClass))]
[JsonSerializable(typeof(ObjectList<PriorityClass>))]
[JsonSerializable(typeof(Scale))]
[JsonSerializable(typeof(Eviction))]
[JsonSerializable(typeof(SelfSubjectAccessReview))]
[JsonSerializable(typeof(SelfSubjectReview))]
[JsonSerializable(typeof(BindingBatch))]
public sealed partial class GroupsJsonContext : JsonSerializerContext;
