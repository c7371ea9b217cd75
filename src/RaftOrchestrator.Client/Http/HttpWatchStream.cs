using System.Buffers;
using System.IO.Pipelines;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// An open watch over HTTP: a <see cref="PipeReader"/> over the reply body (pooled buffers), cut into events by
/// <see cref="MessagePackWatchDecoder{T}"/> or <see cref="JsonWatchDecoder{T}"/>. The stream ends (null) when the
/// server ends the reply or the connection breaks; after an ERROR event or a malformed frame (reported as an
/// Error event with a 500 Status) it ends too. Owns the reply: disposing closes the watch on the server.
/// One reader at a time, as <see cref="IWatchStream{T}"/> says.
/// </summary>
internal sealed class HttpWatchStream<T> : IWatchStream<T> where T : class, IKubernetesObject, new()
{
    /// <summary>Read size of the pipe: a few typical objects per read, and the unit the pool hands out.</summary>
    private const int ReadBufferSize = 16 * 1024;

    private readonly HttpResponseMessage _response;
    private readonly PipeReader _reader;
    private readonly bool _messagePack;
    private bool _ended;
    private int _disposed;

    public HttpWatchStream(HttpResponseMessage response, Stream body, bool messagePack)
    {
        _response = response;
        _messagePack = messagePack;
        _reader = PipeReader.Create(body, new StreamPipeReaderOptions(pool: MemoryPool<byte>.Shared, bufferSize: ReadBufferSize, minimumReadSize: 1024, leaveOpen: false));
    }

    public async ValueTask<WatchEvent<T>?> ReadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        while (!_ended)
        {
            ReadResult read;
            try
            {
                read = await _reader.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException or ObjectDisposedException)
            {
                _ended = true;   // the connection broke: the caller resumes from the last revision it saw
                return null;
            }
            ReadOnlySequence<byte> buffer = read.Buffer;
            WatchFrame frame = _messagePack
                ? MessagePackWatchDecoder<T>.TryDecode(ref buffer, out WatchEvent<T> decoded)
                : JsonWatchDecoder<T>.TryDecode(ref buffer, out decoded);
            switch (frame)
            {
                case WatchFrame.Event:
                    _reader.AdvanceTo(buffer.Start);
                    _ended = decoded.Type == WatchEventType.Error;
                    return decoded;
                case WatchFrame.Malformed:
                    _reader.AdvanceTo(read.Buffer.End);
                    _ended = true;
                    return decoded;
            }
            if (read.IsCompleted || read.IsCanceled)
            {
                _reader.AdvanceTo(read.Buffer.End);   // a partial frame at the end is a broken connection
                _ended = true;
                return null;
            }
            _reader.AdvanceTo(buffer.Start, read.Buffer.End);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _reader.CompleteAsync();
        _response.Dispose();
    }
}
