using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Endpoints;

namespace RaftOrchestrator.Server.Kube.Kinds;

/// <summary>The start of every POST-only subresource: the method check and the bounded body.</summary>
internal static class PostBody
{
    public static async Task<(byte[]? Body, Status? Error)> ReadAsync(EndpointRequest request)
    {
        if (request.Context.Request.Method != HttpMethods.Post)
        {
            return (null, ApiStatus.MethodNotAllowed());
        }
        return await RequestBody.ReadAsync(request.Context.Request, request.Aborted);
    }
}
