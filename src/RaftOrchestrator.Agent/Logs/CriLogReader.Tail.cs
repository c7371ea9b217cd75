using Microsoft.Win32.SafeHandles;

namespace RaftOrchestrator.Agent.Logs;

public static partial class CriLogReader
{
    private const int TailChunkBytes = 8 * 1024;

    /// <summary>
    /// The offset of the first of the last <paramref name="lines"/> lines in the first <paramref name="length"/>
    /// bytes of a log, scanning back from the end so a long log costs only its tail.
    /// </summary>
    /// <remarks>
    /// A line is a run of partial records ended by a full one, so lines start at offset 0 and right after each full
    /// record. Unfinished output at the end (partial records with no full one yet) counts as a line, as it is shown;
    /// bytes after the last newline (a record still being written) are not a record yet. Worked example, records
    /// <c>[a F][b P][c F][d P]</c>: the lines start at a, b and d, so tail 1 starts at d, tail 2 at b, tail 5 at a.
    /// </remarks>
    internal static long FindTailStart(SafeFileHandle handle, long length, long lines)
    {
        byte[] chunk = new byte[TailChunkBytes];
        byte[] header = new byte[CriLogFormat.MaxHeaderLength];
        long dataEnd = -1;
        long recordEnd = -1;
        long found = 0;
        long position = length;
        while (position > 0)
        {
            int size = (int)Math.Min(TailChunkBytes, position);
            position -= size;
            int read = RandomAccess.Read(handle, chunk.AsSpan(0, size), position);
            if (read != size)
            {
                throw new IOException("The log file shrank while its tail was read.");
            }
            for (int i = size - 1; i >= 0; i--)
            {
                if (chunk[i] != CriLogFormat.Newline)
                {
                    continue;
                }
                long next = position + i + 1;
                if (dataEnd < 0)
                {
                    dataEnd = recordEnd = next;
                    if (lines <= 0)
                    {
                        return dataEnd;
                    }
                    continue;
                }
                // The record [next, recordEnd) is whole: a full one starts a line at its end (unless that is the end).
                if (recordEnd != dataEnd && EndsLine(handle, header, next, recordEnd) && ++found == lines)
                {
                    return recordEnd;
                }
                recordEnd = next;
            }
        }
        if (dataEnd > 0 && recordEnd != dataEnd && EndsLine(handle, header, 0, recordEnd) && ++found == lines)
        {
            return recordEnd;
        }
        return 0;
    }

    /// <summary>Whether the record at [start, end) is full (ends a line); a malformed record counts as a line.</summary>
    private static bool EndsLine(SafeFileHandle handle, byte[] header, long start, long end)
    {
        int size = (int)Math.Min(header.Length, end - start);
        int read = RandomAccess.Read(handle, header.AsSpan(0, size), start);
        Span<byte> prefix = header.AsSpan(0, read);
        if (prefix.Length > 0 && prefix[^1] == CriLogFormat.Newline)
        {
            prefix = prefix[..^1];
        }
        return !CriLogFormat.TryParse(prefix, out CriLogLine line) || !line.IsPartial;
    }
}
