using System.Text;
using System.Text.Json;
using MessagePack;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// Turns a reply into an <see cref="ApiResult{T}"/>: a 2xx body decoded in the format the server answered in
/// (its Content-Type, not what was asked for), any other code as the server's Status, or one made from the code.
/// </summary>
internal static class ReplyReader
{
    /// <summary>Error bodies are Status objects of a few hundred bytes; more than this is not a Status.</summary>
    private const int MaxStatusBytes = 1 << 20;

    /// <summary>Reads and disposes the reply. IO failures while reading propagate to the caller's attempt.</summary>
    public static async Task<ApiResult<TValue>> ReadAsync<TValue>(HttpResponseMessage response, CancellationToken cancellationToken)
        where TValue : class
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return ApiResult.Fail<TValue>(await FailureAsync(response, cancellationToken));
            }
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using (body)
            {
                TValue? value;
                try
                {
                    value = WireMediaTypes.IsMessagePack(response.Content)
                        ? await MessagePackSerializer.DeserializeAsync<TValue>(body, ApiMessagePack.Options, cancellationToken)
                        : await JsonSerializer.DeserializeAsync(body, ApiJson.TypeInfo<TValue>(), cancellationToken);
                }
                catch (Exception e) when (e is JsonException or MessagePackSerializationException)
                {
                    return ApiResult.Fail<TValue>(ClientStatus.Failure(500, $"the reply of {(int)response.StatusCode} could not be decoded as {typeof(TValue).Name}: {e.Message}"));
                }
                if (value is null)
                {
                    return ApiResult.Fail<TValue>(ClientStatus.Failure(500, $"the reply of {(int)response.StatusCode} was empty"));
                }
                Normalize(value);
                return ApiResult.Ok(value);
            }
        }
    }

    /// <summary>The server's Status for a failed reply; one made from the HTTP code when the body is not a Status.</summary>
    public static async Task<Status> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        int code = (int)response.StatusCode;
        byte[] body = response.Content.Headers.ContentLength is > MaxStatusBytes ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length is > 0 and <= MaxStatusBytes)
        {
            try
            {
                Status? status = WireMediaTypes.IsMessagePack(response.Content)
                    ? MessagePackSerializer.Deserialize<Status>(body, ApiMessagePack.Options, cancellationToken)
                    : JsonSerializer.Deserialize(body, ApiJson.TypeInfo<Status>());
                if (status is { Kind: "Status" })
                {
                    status.Code = status.Code == 0 ? code : status.Code;
                    status.Reason ??= ClientStatus.ReasonFor(status.Code);
                    return status;
                }
            }
            catch (Exception e) when (e is JsonException or MessagePackSerializationException)
            {
                // not a Status: worded from the code below
            }
        }
        string text = body.Length is > 0 and <= 4096 ? Encoding.UTF8.GetString(body).Trim() : "";
        return ClientStatus.Failure(code, text.Length > 0 ? text : $"the server answered {code} {response.ReasonPhrase}");
    }

    /// <summary>The contract's promise that decoded objects have metadata (list items are the list reader's).</summary>
    private static void Normalize<TValue>(TValue value)
    {
        if (value is IKubernetesObject single)
        {
            single.Metadata ??= new ObjectMeta();
        }
    }
}
