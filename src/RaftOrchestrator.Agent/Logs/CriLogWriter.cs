using System.Buffers;

namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// Writes a container's output to its CRI-format log file as it arrives: each complete line becomes a full (F)
/// record stamped with the time it was written; a line longer than <see cref="MaxLineBytes"/> is cut into partial (P)
/// records of that size, the last piece full; output that ends without a newline is a partial record. Every
/// <see cref="Write"/> goes to the file with one write call, before it returns, so a follower sees it at once.
/// </summary>
/// <remarks>
/// Not thread-safe: one owner (the runtime's output pump of the container) calls it. The two streams keep their
/// own unfinished line, so interleaved output never mixes within a record. A failed write (disk full, the file
/// removed under it) faults the writer: <see cref="Fault"/> says why and later output is dropped, because the
/// container must never block or die on its log; the runtime reports the fault in the container's status.
/// </remarks>
public sealed class CriLogWriter : IDisposable
{
    /// <summary>containerd's default max container log line size: 16 KiB, and what the kubelet expects to rejoin.</summary>
    public const int DefaultMaxLineBytes = 16 * 1024;

    /// <summary>A batch that grows past this is written at once (a chunk of many short lines), to bound its buffer.</summary>
    private const int BatchWriteBytes = 64 * 1024;

    private readonly FileStream _file;
    private readonly TimeProvider _time;
    private readonly PendingLine _stdout;
    private readonly PendingLine _stderr;
    private readonly ArrayBufferWriter<byte> _batch;

    private CriLogWriter(FileStream file, TimeProvider time, int maxLineBytes)
    {
        _file = file;
        _time = time;
        MaxLineBytes = maxLineBytes;
        _stdout = new PendingLine(maxLineBytes);
        _stderr = new PendingLine(maxLineBytes);
        _batch = new ArrayBufferWriter<byte>(maxLineBytes + 64);
    }

    public int MaxLineBytes { get; }

    /// <summary>Set when a write failed; the output after it was dropped.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Opens (creates, or appends to) the log file at <paramref name="path"/>; its directory must exist.</summary>
    public static CriLogWriter Open(string path, TimeProvider time, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        // Unbuffered: the batch built per Write is the one write(2); readers share the file while it grows.
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        return new CriLogWriter(file, time, maxLineBytes);
    }

    /// <summary>Appends output of <paramref name="stream"/>: complete lines as records, the rest kept for the next call.</summary>
    public void Write(LogStreamType stream, ReadOnlySpan<byte> output)
    {
        PendingLine pending = Pending(stream);
        while (!output.IsEmpty)
        {
            int newline = output.IndexOf(CriLogFormat.Newline);
            if (newline < 0)
            {
                Append(stream, pending, output, endsLine: false);
                break;
            }
            Append(stream, pending, output[..newline], endsLine: true);
            output = output[(newline + 1)..];
        }
        WriteBatch();
    }

    /// <summary>The stream ended: an unfinished line is written as a partial record (there is no newline to end it).</summary>
    public void Complete(LogStreamType stream)
    {
        PendingLine pending = Pending(stream);
        if (pending.Length > 0)
        {
            AppendRecord(stream, partial: true, pending.Content);
            pending.Length = 0;
            WriteBatch();
        }
    }

    public void Dispose() => _file.Dispose();

    private PendingLine Pending(LogStreamType stream) => stream == LogStreamType.Stdout ? _stdout : _stderr;

    /// <summary>Adds <paramref name="text"/> to the stream's unfinished line, cutting partial records at the limit.</summary>
    private void Append(LogStreamType stream, PendingLine pending, ReadOnlySpan<byte> text, bool endsLine)
    {
        while (pending.Length + text.Length > MaxLineBytes)
        {
            int take = MaxLineBytes - pending.Length;
            text[..take].CopyTo(pending.Buffer.AsSpan(pending.Length));
            AppendRecord(stream, partial: true, pending.Buffer);
            pending.Length = 0;
            text = text[take..];
        }
        text.CopyTo(pending.Buffer.AsSpan(pending.Length));
        pending.Length += text.Length;
        if (endsLine)
        {
            AppendRecord(stream, partial: false, pending.Content);
            pending.Length = 0;
        }
    }

    private void AppendRecord(LogStreamType stream, bool partial, ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> name = CriLogFormat.StreamName(stream);
        int length = CriLogFormat.TimestampLength + 1 + name.Length + 3 + content.Length + 1;
        Span<byte> record = _batch.GetSpan(length);
        int at = CriLogFormat.WriteTimestamp(_time.GetUtcNow(), record);
        record[at++] = (byte)' ';
        name.CopyTo(record[at..]);
        at += name.Length;
        record[at++] = (byte)' ';
        record[at++] = partial ? (byte)'P' : (byte)'F';
        record[at++] = (byte)' ';
        content.CopyTo(record[at..]);
        at += content.Length;
        record[at++] = CriLogFormat.Newline;
        _batch.Advance(at);
        if (_batch.WrittenCount >= BatchWriteBytes)
        {
            WriteBatch();
        }
    }

    private void WriteBatch()
    {
        if (_batch.WrittenCount == 0)
        {
            return;
        }
        if (Fault is null)
        {
            try
            {
                _file.Write(_batch.WrittenSpan);
            }
            catch (IOException e)
            {
                Fault = e;
            }
        }
        _batch.ResetWrittenCount();
    }

    /// <summary>The unfinished line of one stream: at most <see cref="MaxLineBytes"/> bytes, never a newline.</summary>
    private sealed class PendingLine(int capacity)
    {
        public byte[] Buffer { get; } = new byte[capacity];

        public int Length { get; set; }

        public ReadOnlySpan<byte> Content => Buffer.AsSpan(0, Length);
    }
}
