namespace RaftOrchestrator.Client.Events;

/// <summary>The spam-filter key (client-go's getSpamKey): who reports about which object.</summary>
internal readonly record struct SourceObjectKey(
    string Component, string Host, string Kind, string Namespace, string Name, string Uid, string ApiVersion);

/// <summary>The aggregation key (client-go's EventAggregatorByReasonFunc): similar events differ only in message.</summary>
internal readonly record struct AggregateKey(SourceObjectKey Source, string Type, string Reason);

/// <summary>
/// The de-duplication key: the same event is the same group and message. A null message names the group's combined
/// event, so all combined occurrences count up one Event (client-go returns the aggregate key for them).
/// </summary>
internal readonly record struct CorrelationKey(AggregateKey Group, string? Message);
