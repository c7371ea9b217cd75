namespace RaftOrchestrator.Server.Kube;

/// <summary>fieldValidation: what to do with unknown fields in a body (the server default, as in Kubernetes, is Warn... for kubectl it sends Strict).</summary>
public enum FieldValidation
{
    /// <summary>Accept the object, answer a Warning header naming the unknown field.</summary>
    Warn = 0,
    /// <summary>Refuse with 400 BadRequest "strict decoding error: unknown field".</summary>
    Strict,
    /// <summary>Drop unknown fields silently.</summary>
    Ignore,
}
