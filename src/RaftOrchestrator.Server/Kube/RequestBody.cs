using System.Buffers;
using System.IO.Pipelines;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Server.Kube;

/// <summary>Reads a request body whole, refusing more than <see cref="Limit"/> bytes (kube-apiserver's 3 MiB).</summary>
public static class RequestBody
{
    public const int Limit = 3 * 1024 * 1024;

    /// <summary>The body bytes, or a 413 Status when it is larger than the limit.</summary>
    public static async Task<(byte[]? Body, Status? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > Limit)
        {
            return (null, ApiStatus.TooLarge(Limit));
        }
        PipeReader reader = request.BodyReader;
        while (true)
        {
            ReadResult read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > Limit)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return (null, ApiStatus.TooLarge(Limit));
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                byte[] body = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return (body, null);
            }
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
