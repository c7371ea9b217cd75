namespace RaftOrchestrator.Api.Serialization;

/// <summary>meta/v1 Time: RFC 3339 in UTC with whole seconds ("2026-11-25T07:03:17Z").</summary>
public sealed class TimeJsonConverter() : Rfc3339JsonConverter("yyyy-MM-dd'T'HH:mm:ss'Z'", 24);
