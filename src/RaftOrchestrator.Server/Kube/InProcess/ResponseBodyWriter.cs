using System.IO.Pipelines;

namespace RaftOrchestrator.Server.Kube.InProcess;

/// <summary>
/// The response body writer the endpoints see: the pipe's writer, except that the first flush (or write) starts the
/// response, so the caller gets its <see cref="HttpResponseMessage"/> while the body is still being written.
/// </summary>
internal sealed class ResponseBodyWriter(PipeWriter inner, InProcessExchange exchange) : PipeWriter
{
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override void Advance(int bytes) => inner.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        await exchange.EnsureStartedAsync();
        return await inner.FlushAsync(cancellationToken);
    }

    public override async ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        await exchange.EnsureStartedAsync();
        return await inner.WriteAsync(source, cancellationToken);
    }
}
