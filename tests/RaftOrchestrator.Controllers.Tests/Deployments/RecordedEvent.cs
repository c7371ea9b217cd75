namespace RaftOrchestrator.Controllers.Tests.Deployments;

internal sealed record RecordedEvent(string Involved, string Type, string Reason, string Message);
