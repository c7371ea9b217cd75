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

    /// <summary>
    /// The field manager of a write: fieldManager, else the user agent up to its first '/', as kube-apiserver
    /// derives it ("kubectl" from "kubectl/v1.32.4 (linux/amd64) ...").
    /// </summary>
    public string FieldManager => ListOptions.Value(Query, "fieldManager") is { Length: > 0 } manager
        ? manager
        : Context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent.Split('/')[0] : "unknown";

    /// <summary>
    /// Whether managedFields are tracked for this write. Internal components writing MessagePack skip it: field
    /// ownership is for people and apply, and computing it costs two JSON encodings per write on the hot paths.
    /// </summary>
    public bool TracksFields => MediaTypes.Essence(Context.Request.ContentType) != MediaTypes.MessagePack;
}
