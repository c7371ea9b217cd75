using System.Text.Json.Serialization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>core/v1 kinds other than Pod (the workloads have their own context). Only roots are listed; nested types follow.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(ObjectList<ConfigMap>))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(ObjectList<Namespace>))]
[JsonSerializable(typeof(Node))]
[JsonSerializable(typeof(ObjectList<Node>))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(ObjectList<Service>))]
[JsonSerializable(typeof(Endpoints))]
[JsonSerializable(typeof(ObjectList<Endpoints>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(ObjectList<Secret>))]
[JsonSerializable(typeof(ServiceAccount))]
[JsonSerializable(typeof(ObjectList<ServiceAccount>))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(ObjectList<Event>))]
[JsonSerializable(typeof(ResourceQuota))]
[JsonSerializable(typeof(ObjectList<ResourceQuota>))]
[JsonSerializable(typeof(Binding))]
[JsonSerializable(typeof(LimitRange))]
[JsonSerializable(typeof(ObjectList<LimitRange>))]
public sealed partial class CoreV1JsonContext : JsonSerializerContext;
