using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// One proxied TCP connection: the accepted socket (from <see cref="Link.From"/> of <see cref="Forward"/>) and the one to
/// the destination member. Each direction is a reader and a writer joined by a bounded queue of pooled chunks
/// (<see cref="QueueChunks"/> × <see cref="ChunkSize"/> bytes at most in flight per direction, so a slow or delayed
/// link pushes back on its sender). The reader applies the direction's rule to each chunk; the writer waits for the
/// chunk's due time (delay rules), so chunks leave in the order they came. A direction whose bytes were discarded
/// never delivers again: its next chunk after the rule ends resets the connection (the stream has a hole).
/// Ends when both directions end (half-closes are passed on), or at once on a reset.
/// </summary>
internal sealed class ProxyConnection : IDisposable
{
    /// <summary>Bytes read from a socket at once; one pooled buffer each.</summary>
    private const int ChunkSize = 16 * 1024;

    /// <summary>Chunks queued per direction between reader and writer (bounds memory under a delay).</summary>
    private const int QueueChunks = 64;

    private readonly Socket _accepted;
    private readonly Socket _upstream;
    private readonly NetworkControl _control;
    private readonly CancellationTokenSource _reset = new();
    private int _closed;

    public ProxyConnection(Socket accepted, Socket upstream, Link forward, NetworkControl control)
    {
        _accepted = accepted;
        _upstream = upstream;
        Forward = forward;
        _control = control;
    }

    /// <summary>The link of the bytes the connecting side sends; the replies travel <see cref="Link.Reversed"/>.</summary>
    public Link Forward { get; }

    public bool Carries(Link link) => Forward == link || Forward.Reversed == link;

    public async Task RunAsync()
    {
        _control.Register(this);
        try
        {
            await Task.WhenAll(PumpAsync(_accepted, _upstream, Forward), PumpAsync(_upstream, _accepted, Forward.Reversed));
        }
        finally
        {
            _control.Unregister(this);
            Close(abort: false);
        }
    }

    /// <summary>Releases the reset signal; only after <see cref="RunAsync"/> ended (the proxy's using does it).</summary>
    public void Dispose() => _reset.Dispose();

    /// <summary>Ends the connection with an RST on both sockets (what a peer sees when a link breaks).</summary>
    public void Reset() => Close(abort: true);

    private void Close(bool abort)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        foreach (Socket socket in new[] { _accepted, _upstream })
        {
            try
            {
                if (abort)
                {
                    socket.LingerState = new LingerOption(true, 0);   // close sends an RST, not a FIN
                }
                socket.Close();
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }
        try
        {
            _reset.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // a late reset (a cut arriving as the connection ends)
        }
    }

    private async Task PumpAsync(Socket from, Socket to, Link link)
    {
        Channel<Chunk> queue = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(QueueChunks)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        CancellationToken reset;
        try
        {
            reset = _reset.Token;
        }
        catch (ObjectDisposedException)
        {
            return;
        }
        Task writer = WriteAsync(queue.Reader, to, reset);
        try
        {
            await ReadAsync(from, link, queue.Writer, reset);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException or ChannelClosedException)
        {
            Reset();
        }
        finally
        {
            queue.Writer.TryComplete();
        }
        await writer;
    }

    private async Task ReadAsync(Socket from, Link link, ChannelWriter<Chunk> queue, CancellationToken reset)
    {
        bool lost = false;
        DateTimeOffset burstUntil = DateTimeOffset.MinValue;
        DateTimeOffset lastDue = DateTimeOffset.MinValue;
        TimeProvider time = _control.Time;
        while (true)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
            int read;
            try
            {
                read = await from.ReceiveAsync(buffer.AsMemory(0, ChunkSize), SocketFlags.None, reset);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
            if (read == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return;   // FIN from the sender: the writer half-closes the other socket once the queue drains
            }
            DateTimeOffset now = time.GetUtcNow();
            LinkRule? rule = _control.RuleFor(link);
            if (_control.IsCut(link))
            {
                ArrayPool<byte>.Shared.Return(buffer);
                Reset();
                return;
            }
            bool discard = rule is { Kind: LinkRuleKind.Blackhole } || now < burstUntil;
            if (!discard && rule is { Kind: LinkRuleKind.Drop } drop && _control.NextDouble() < drop.DropProbability)
            {
                if (drop.DropMode == DropMode.Reset)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    Reset();
                    return;
                }
                burstUntil = now + drop.DropBurst;
                discard = true;
            }
            if (discard)
            {
                lost = true;
                ArrayPool<byte>.Shared.Return(buffer);
                continue;
            }
            if (lost)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                Reset();   // bytes before this chunk were discarded: delivering it would corrupt the stream
                return;
            }
            DateTimeOffset due = now;
            if (rule is { Kind: LinkRuleKind.Delay } delay)
            {
                due = now + delay.Delay + delay.Jitter * _control.NextDouble();
            }
            due = due < lastDue ? lastDue : due;   // jitter never reorders: a chunk leaves after the one before it
            lastDue = due;
            await queue.WriteAsync(new Chunk(buffer, read, due), reset);
        }
    }

    private async Task WriteAsync(ChannelReader<Chunk> queue, Socket to, CancellationToken reset)
    {
        TimeProvider time = _control.Time;
        try
        {
            await foreach (Chunk chunk in queue.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    TimeSpan wait = chunk.Due - time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time, reset);
                    }
                    int sent = 0;
                    while (sent < chunk.Length)
                    {
                        sent += await to.SendAsync(chunk.Buffer.AsMemory(sent, chunk.Length - sent), SocketFlags.None, reset);
                    }
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    Reset();
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk.Buffer);
                }
            }
            if (Volatile.Read(ref _closed) == 0)
            {
                to.Shutdown(SocketShutdown.Send);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Reset();
        }
    }

    private readonly record struct Chunk(byte[] Buffer, int Length, DateTimeOffset Due);
}
