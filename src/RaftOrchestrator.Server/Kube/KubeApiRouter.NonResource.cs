using RaftOrchestrator.Consensus.Hosting;

namespace RaftOrchestrator.Server.Kube;

public sealed partial class KubeApiRouter
{
    /// <summary>Version, health, discovery and OpenAPI; false when the path is a resource path.</summary>
    private async Task<bool> TryNonResourceAsync(HttpContext context, string path)
    {
        string trimmed = path.TrimEnd('/');
        bool get = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        switch (trimmed)
        {
            case "/version" when get:
                await Replies.WriteAsync(context, 200, MediaTypes.Json, KubeVersion.Write);
                return true;
            case "/healthz" or "/livez" or "/readyz" when get:
                await HealthAsync(context, trimmed);
                return true;
            case "/api" when get:
                await DiscoveryAsync(context, _discovery.AggregatedCore, _discovery.LegacyVersions);
                return true;
            case "/apis" when get:
                await DiscoveryAsync(context, _discovery.AggregatedGroups, _discovery.LegacyGroups);
                return true;
            case "/openapi/v3" when get:
                await Replies.BytesAsync(context, 200, MediaTypes.Json, _openApi.Index);
                return true;
            case "/openapi/v2":
                await Replies.StatusAsync(context, ApiStatus.NotFoundPath());
                return true;
        }
        if (trimmed.StartsWith("/openapi/v3/", StringComparison.Ordinal) && get)
        {
            byte[]? document = _openApi.Document(trimmed["/openapi/v3/".Length..]);
            await (document is null ? Replies.StatusAsync(context, ApiStatus.NotFoundPath()) : Replies.BytesAsync(context, 200, MediaTypes.Json, document));
            return true;
        }
        if (trimmed.StartsWith("/healthz/", StringComparison.Ordinal) || trimmed.StartsWith("/livez/", StringComparison.Ordinal) || trimmed.StartsWith("/readyz/", StringComparison.Ordinal))
        {
            await Replies.TextAsync(context, 200, "ok");
            return true;
        }
        string[] parts = trimmed.Trim('/').Split('/');
        if (get && parts is ["api", var coreVersion])
        {
            await ResourceListAsync(context, coreVersion);
            return true;
        }
        if (get && parts is ["apis", var group])
        {
            await (_discovery.GroupDocuments.TryGetValue(group, out byte[]? document)
                ? Replies.BytesAsync(context, 200, MediaTypes.Json, document)
                : Replies.StatusAsync(context, ApiStatus.NotFoundPath()));
            return true;
        }
        if (get && parts is ["apis", var g, var v])
        {
            await ResourceListAsync(context, $"{g}/{v}");
            return true;
        }
        if (parts.Length == 0 || parts[0] is not ("api" or "apis"))
        {
            await Replies.StatusAsync(context, ApiStatus.NotFoundPath());
            return true;
        }
        return false;
    }

    private static Task DiscoveryAsync(HttpContext context, byte[] aggregated, byte[] legacy) =>
        MediaTypes.Negotiate(context.Request.Headers.Accept) == ReplyFormat.AggregatedDiscovery
            ? Replies.BytesAsync(context, 200, MediaTypes.AggregatedDiscovery, aggregated)
            : Replies.BytesAsync(context, 200, MediaTypes.Json, legacy);

    private Task ResourceListAsync(HttpContext context, string groupVersion) =>
        _discovery.ResourceList(groupVersion) is { } list
            ? Replies.BytesAsync(context, 200, MediaTypes.Json, list)
            : Replies.StatusAsync(context, ApiStatus.NotFoundPath());

    /// <summary>ok while the replica serves; /readyz also needs a leader (a linearizable read would otherwise time out).</summary>
    private async Task HealthAsync(HttpContext context, string path)
    {
        if (path == "/readyz")
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            ReadStatus status;
            try
            {
                status = await _services.Store.ReadBarrierAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                status = ReadStatus.TimedOut;
            }
            if (status != ReadStatus.Ok)
            {
                await Replies.TextAsync(context, 503, "[-]etcd failed: no leader confirmed a read\nreadyz check failed");
                return;
            }
        }
        await Replies.TextAsync(context, 200, "ok");
    }
}
