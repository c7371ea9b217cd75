using System.Buffers;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Endpoints;
using RaftOrchestrator.Server.Kube.Registry;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>
/// GET pods/{name}/log (`kubectl logs`): validates the PodLogOptions, finds the pod, its container and its node
/// (<see cref="PodLogLocation"/>), then proxies the agent's /containerLogs answer as it comes: text/plain, each
/// chunk written on and, when following, flushed at once. Nothing is buffered beyond one read.
/// </summary>
/// <remarks>
/// Fully asynchronous: a follower holds no thread while it waits for output, and nothing of Raft (one read barrier
/// before the pod is read, as every GET does). The upstream request is tied to the client's RequestAborted, so a
/// client that goes away cancels it and the agent stops reading the file. An agent that answers an error is relayed as
/// kube-apiserver's GenericHttpResponseChecker relays a kubelet's: 400 and 500 with the agent's text as the message,
/// 404 as NotFound with the text as its cause. An agent that cannot be reached is a 500 that names the node.
/// </remarks>
public sealed class PodLogHandler(KubeletClient kubelets, ResourceStore<Node> nodes) : ISubresourceHandler<Pod>
{
    /// <summary>The most of an agent's error body relayed (kube-apiserver reads at most 4 KiB of it too).</summary>
    private const int MaxErrorBytes = 4 * 1024;

    /// <summary>The copy buffer: one read of the agent's stream.</summary>
    private const int ChunkBytes = 16 * 1024;

    public string Name => "log";

    public async Task HandleAsync(ResourceEndpoint<Pod> endpoint, EndpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        HttpContext context = request.Context;
        if (context.Request.Method != HttpMethods.Get)
        {
            await Replies.StatusAsync(context, ApiStatus.MethodNotAllowed());
            return;
        }
        string name = request.Info.Name!;
        (Uri? location, bool follow, Status? error) = await LocateAsync(endpoint, request, name);
        if (error is not null)
        {
            await Replies.StatusAsync(context, error);
            return;
        }
        await ProxyAsync(context, name, location!, follow);
    }

    private async Task<(Uri? Location, bool Follow, Status? Error)> LocateAsync(ResourceEndpoint<Pod> endpoint, EndpointRequest request, string name)
    {
        IQueryCollection query = request.Query;
        if (!PodLogOptions.TryParse(key => query.TryGetValue(key, out var values) ? values.FirstOrDefault() : null, out PodLogOptions options, out string? parseError))
        {
            return (null, false, ApiStatus.BadRequest(parseError!));
        }
        if (options.Validate() is { Count: > 0 } invalid)
        {
            return (null, false, Invalid(name, invalid));
        }
        if (await endpoint.BarrierAsync(null, request.Aborted) is { } unavailable)
        {
            return (null, false, unavailable);
        }
        if (endpoint.Store.Get(endpoint.NamespaceOf(request), name) is not { } stored)
        {
            return (null, false, ApiStatus.NotFound(endpoint.Descriptor, name));
        }
        Pod pod = stored.Value;
        (string? container, Status? noContainer) = PodLogLocation.Container(pod, options.Container);
        if (noContainer is not null)
        {
            return (null, false, noContainer);
        }
        if (pod.Spec.NodeName is not { Length: > 0 } nodeName)
        {
            return (null, false, ApiStatus.BadRequest($"pod {name} does not have a host assigned"));
        }
        if (nodes.Get(null, nodeName) is not { } node)
        {
            return (null, false, ApiStatus.NotFound(nodes.Descriptor, nodeName));
        }
        (Uri? location, Status? noEndpoint) = PodLogLocation.Url(pod, node.Value, container!, options);
        return (location, options.Follow, noEndpoint);
    }

    private async Task ProxyAsync(HttpContext context, string name, Uri location, bool follow)
    {
        CancellationToken aborted = context.RequestAborted;
        HttpResponseMessage upstream;
        using (var headers = CancellationTokenSource.CreateLinkedTokenSource(aborted))
        {
            headers.CancelAfter(KubeletClient.HeadersTimeout);
            try
            {
                upstream = await kubelets.Http.GetAsync(location, HttpCompletionOption.ResponseHeadersRead, headers.Token);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !aborted.IsCancellationRequested))
            {
                string why = e is HttpRequestException ? e.Message : $"no answer in {KubeletClient.HeadersTimeout.TotalSeconds:0} s";
                await Replies.StatusAsync(context, ApiStatus.InternalError($"cannot read the log from the node agent at {location.Authority}: {why}"));
                return;
            }
        }
        using (upstream)
        {
            if (!upstream.IsSuccessStatusCode)
            {
                await Replies.StatusAsync(context, Relayed((int)upstream.StatusCode, name, await ErrorTextAsync(upstream, aborted)));
                return;
            }
            HttpResponse response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/plain";
            await response.StartAsync(aborted);
            await using Stream body = await upstream.Content.ReadAsStreamAsync(aborted);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                int read;
                while ((read = await body.ReadAsync(buffer, aborted)) > 0)
                {
                    await response.Body.WriteAsync(buffer.AsMemory(0, read), aborted);
                    if (follow)
                    {
                        await response.Body.FlushAsync(aborted);
                    }
                }
            }
            catch (IOException) when (!aborted.IsCancellationRequested)
            {
                // The agent went away mid-stream (stopped, or its node died): the log ends where it got to.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>422 Invalid of kind PodLogOptions, as kube-apiserver's NewInvalid(Kind("PodLogOptions"), name, errs).</summary>
    public static Status Invalid(string name, IReadOnlyList<Api.Validation.FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        string causes = string.Join(", ", errors.Select(e => e.Field.Length == 0 ? e.Message : $"{e.Field}: {e.Message}"));
        return ApiStatus.Failure(422, "Invalid", $"PodLogOptions \"{name}\" is invalid: {(errors.Count == 1 ? causes : $"[{causes}]")}", new StatusDetails
        {
            Name = name,
            Kind = "PodLogOptions",
            Causes = [.. errors.Select(e => new StatusCause { Reason = e.Type, Message = e.Message, Field = e.Field })],
        });
    }

    /// <summary>An agent's error answer as the API's Status (see the remarks of the type).</summary>
    public static Status Relayed(int code, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.TrimEnd('\n');
        var cause = new StatusDetails
        {
            Name = name,
            Kind = "pods/log",
            Causes = text.Length == 0 ? null : [new StatusCause { Reason = "UnexpectedServerResponse", Message = text }],
        };
        return code switch
        {
            400 => ApiStatus.BadRequest(text),
            500 => ApiStatus.InternalError(text),
            404 => ApiStatus.Failure(404, "NotFound", $"the server could not find the requested resource ( pods/log {name})", cause),
            422 => ApiStatus.Failure(422, "Invalid", text.Length > 0 ? text : "the server rejected our request due to an error in our request", cause),
            503 => ApiStatus.Failure(503, "ServiceUnavailable", text.Length > 0 ? text : "the server is currently unable to handle the request", cause),
            >= 500 => ApiStatus.Failure(code, "InternalError", $"an error on the server (\"{text}\") has prevented the request from succeeding ( pods/log {name})", cause),
            _ => ApiStatus.Failure(code, "Unknown", $"the server responded with the status code {code} but did not return more information ( pods/log {name})", cause),
        };
    }

    private static async Task<string> ErrorTextAsync(HttpResponseMessage upstream, CancellationToken cancellationToken)
    {
        try
        {
            await using Stream body = await upstream.Content.ReadAsStreamAsync(cancellationToken);
            byte[] buffer = new byte[MaxErrorBytes];
            int total = 0;
            int read;
            while (total < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }
            return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (IOException)
        {
            return "";
        }
    }
}
