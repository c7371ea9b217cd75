namespace RaftOrchestrator.Api.Serialization;

/// <summary>
/// Every model context declares the same generation options (naming, null handling, the time converter), so the
/// names baked into generated metadata agree with <see cref="ApiJson"/>'s options:
/// <code>
/// [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
///     DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(TimeJsonConverter)])]
/// </code>
/// </summary>
internal static class ApiJsonDefaults;
