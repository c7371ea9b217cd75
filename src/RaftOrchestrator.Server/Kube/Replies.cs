using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Server.Kube;

/// <summary>Writes replies: objects and Status as JSON straight into the response pipe, MessagePack bytes as they are.</summary>
public static class Replies
{
    public static Task StatusAsync(HttpContext context, Status status)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(status);
        return JsonAsync(context, status, status.Code, ApiJson.TypeInfo<Status>());
    }

    public static async Task JsonAsync<T>(HttpContext context, T value, int code, JsonTypeInfo<T> typeInfo, string contentType = MediaTypes.Json)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpResponse response = context.Response;
        response.StatusCode = code;
        response.ContentType = contentType;
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>A reply built by hand (discovery, tables, OpenAPI).</summary>
    public static async Task WriteAsync(HttpContext context, int code, string contentType, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(write);
        HttpResponse response = context.Response;
        response.StatusCode = code;
        response.ContentType = contentType;
        await using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            write(writer);
        }
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    public static async Task BytesAsync(HttpContext context, int code, string contentType, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        HttpResponse response = context.Response;
        response.StatusCode = code;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.BodyWriter.WriteAsync(body, context.RequestAborted);
    }

    public static async Task TextAsync(HttpContext context, int code, string text)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }
}
