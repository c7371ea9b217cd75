using RaftOrchestrator.Agent;
using RaftOrchestrator.Agent.Logs;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Server.Hosting;

/// <summary>
/// The agent's GET /containerLogs/{namespace}/{pod}/{container} (the kubelet's path and query: follow, previous,
/// timestamps, tailLines, sinceSeconds, sinceTime, limitBytes), which the API server proxies `kubectl logs` to.
/// Errors are plain text, as the kubelet writes them: 400 for a query that does not parse, 422 for invalid options,
/// 404 for a pod or container this agent does not run, 400 for a container with no log to show yet, 503 before the
/// agent has started. A log is 200 text/plain, chunked, its headers sent at once so a follower sees the stream open.
/// </summary>
internal static class AgentLogEndpoint
{
    public const string Pattern = "/containerLogs/{namespace}/{pod}/{container}";

    /// <remarks><paramref name="agent"/>: the agent once it exists (the endpoint is up before it, to learn its port).</remarks>
    public static void Map(IEndpointRouteBuilder routes, Func<NodeAgent?> agent) =>
        routes.MapGet(Pattern, (HttpContext context, string @namespace, string pod, string container) => HandleAsync(context, agent(), @namespace, pod, container));

    private static async Task HandleAsync(HttpContext context, NodeAgent? agent, string @namespace, string pod, string container)
    {
        IQueryCollection query = context.Request.Query;
        if (!PodLogOptions.TryParse(name => query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null, out PodLogOptions options, out string? error))
        {
            await TextAsync(context, StatusCodes.Status400BadRequest, $"Unable to decode query: {error}");
            return;
        }
        if (options.Validate() is { Count: > 0 } invalid)
        {
            await TextAsync(context, StatusCodes.Status422UnprocessableEntity, string.Join(", ", invalid.Select(e => e.Field.Length == 0 ? e.Message : $"{e.Field}: {e.Message}")));
            return;
        }
        if (agent is null)
        {
            await TextAsync(context, StatusCodes.Status503ServiceUnavailable, "the node agent is starting");
            return;
        }
        ContainerLogTarget target = agent.Logs.Find(@namespace, pod, container, options.Previous);
        if (target.Outcome != ContainerLogOutcome.Found)
        {
            await TextAsync(context, target.Outcome == ContainerLogOutcome.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, target.Message);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain";
        await context.Response.StartAsync(context.RequestAborted);
        try
        {
            await agent.Logs.CopyAsync(target, options, context.Response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the API server (its client) went away
        }
    }

    private static Task TextAsync(HttpContext context, int code, string message)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message, context.RequestAborted);
    }
}
