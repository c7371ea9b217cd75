using RaftOrchestrator.Server.Kube.Auth;

namespace RaftOrchestrator.Server.Kube.Endpoints;

/// <summary>One request to a resource endpoint, after routing and authentication.</summary>
public sealed record EndpointRequest(HttpContext Context, RequestInfo Info, UserInfo User)
{
    public CancellationToken Aborted => Context.RequestAborted;

    public IQueryCollection Query => Context.Request.Query;

    /// <summary>dryRun=All: everything but the store write.</summary>
    public bool DryRun => Query["dryRun"].Any(v => v == "All");

    public FieldValidation FieldValidation => ListOptions.Value(Query, "fieldValidation") switch
    {
        "Strict" => FieldValidation.Strict,
        "Ignore" => FieldValidation.Ignore,
        _ => FieldValidation.Warn,
    };

    public ReplyFormat Format => MediaTypes.Negotiate(Context.Request.Headers.Accept);
}
