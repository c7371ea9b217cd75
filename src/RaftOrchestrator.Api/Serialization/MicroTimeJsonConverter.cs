namespace RaftOrchestrator.Api.Serialization;

/// <summary>meta/v1 MicroTime (Event.eventTime, Lease renewTime): RFC 3339 in UTC with six fractional digits.</summary>
public sealed class MicroTimeJsonConverter() : Rfc3339JsonConverter("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", 32);
