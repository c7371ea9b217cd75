using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// Reads a CRI-format container log the way `kubectl logs` shows it (content, or with timestamps; tail, since,
/// byte limit), and with <see cref="CriLogReadOptions.Follow"/> keeps reading as the file grows until the caller
/// cancels or the writer is done. Only whole records (ending in a newline) are read; a malformed one is skipped.
/// </summary>
/// <remarks>
/// Follow polls the end of the file every <see cref="CriLogReadOptions.PollInterval"/> (no inotify: one timer per
/// follower is cheap, and the writer flushes every batch). At the end of the file it asks the writer's owner whether
/// the writer is still active (the container still running); once it is not, it reads to the end one last time and
/// stops, so output written just before the container exited is not lost. Logs are not rotated, so the file only grows.
/// </remarks>
public static partial class CriLogReader
{
    /// <summary>The read size; also the first buffer, which grows for a longer record.</summary>
    private const int ChunkBytes = 64 * 1024;

    /// <summary>A record longer than this is none a writer of this format produces (16 KiB lines): it is skipped.</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    /// <summary>
    /// Copies the log at <paramref name="path"/> to <paramref name="destination"/>; false when there is no such file.
    /// <paramref name="isWriterActive"/> (for follow; null: follow until cancelled) answers whether more may come.
    /// </summary>
    public static async Task<bool> CopyToAsync(
        string path,
        CriLogReadOptions options,
        Stream destination,
        Func<CancellationToken, ValueTask<bool>>? isWriterActive,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        using SafeFileHandle? handle = TryOpen(path);
        if (handle is null)
        {
            return false;
        }
        long offset = options.TailLines is long lines ? FindTailStart(handle, RandomAccess.GetLength(handle), lines) : 0;
        var renderer = new CriLogRenderer(options);
        var output = new ArrayBufferWriter<byte>();
        var records = new RecordBuffer();
        bool lastLook = false;
        while (!renderer.LimitReached)
        {
            int read = await RandomAccess.ReadAsync(handle, records.FreeSpace(), offset, cancellationToken);
            if (read > 0)
            {
                offset += read;
                records.Commit(read, renderer, output);
                if (output.WrittenCount > 0)
                {
                    await destination.WriteAsync(output.WrittenMemory, cancellationToken);
                    output.ResetWrittenCount();
                    if (options.Follow)
                    {
                        await destination.FlushAsync(cancellationToken);
                    }
                }
                continue;
            }
            if (!options.Follow || lastLook)
            {
                break;
            }
            if (isWriterActive is not null && !await isWriterActive(cancellationToken))
            {
                lastLook = true;
                continue;
            }
            await Task.Delay(options.PollInterval, time, cancellationToken);
        }
        await destination.FlushAsync(cancellationToken);
        return true;
    }

    private static SafeFileHandle? TryOpen(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Bytes read but not yet rendered: whole records are rendered as they complete, the unfinished tail is moved to
    /// the front for the next read. A record that outgrows <see cref="MaxRecordBytes"/> is dropped up to its newline.
    /// </summary>
    private sealed class RecordBuffer
    {
        private byte[] _buffer = new byte[ChunkBytes];
        private int _count;
        private bool _skipping;

        public Memory<byte> FreeSpace()
        {
            if (_count == _buffer.Length)
            {
                if (_buffer.Length < MaxRecordBytes)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
                else
                {
                    _count = 0;
                    _skipping = true;
                }
            }
            return _buffer.AsMemory(_count);
        }

        public void Commit(int read, CriLogRenderer renderer, IBufferWriter<byte> output)
        {
            Span<byte> data = _buffer.AsSpan(0, _count + read);
            int start = 0;
            int newline;
            while ((newline = data[start..].IndexOf(CriLogFormat.Newline)) >= 0)
            {
                if (_skipping)
                {
                    _skipping = false;
                }
                else
                {
                    renderer.Render(data.Slice(start, newline), output);
                }
                start += newline + 1;
            }
            if (_skipping)
            {
                _count = 0;
                return;
            }
            data[start..].CopyTo(_buffer);
            _count = data.Length - start;
        }
    }
}
