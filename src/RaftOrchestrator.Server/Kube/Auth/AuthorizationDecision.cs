namespace RaftOrchestrator.Server.Kube.Auth;

public readonly record struct AuthorizationDecision(bool Allowed, string Reason);
