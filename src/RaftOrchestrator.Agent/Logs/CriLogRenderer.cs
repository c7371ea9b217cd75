using System.Buffers;

namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// Turns parsed records into what `kubectl logs` prints: the content, a newline after a full record, and with
/// timestamps the record's timestamp before each line (not before the continuation of a partial one). Applies the
/// since filter and the byte limit. Pure; one per read, fed the records in file order.
/// </summary>
internal sealed class CriLogRenderer(CriLogReadOptions options)
{
    private bool _atLineStart = true;
    private long _written;

    /// <summary>True once the byte limit is reached: nothing more is rendered.</summary>
    public bool LimitReached => options.LimitBytes is long limit && _written >= limit;

    /// <summary>Renders one record (without its newline) into <paramref name="output"/>; a malformed record is skipped.</summary>
    public void Render(ReadOnlySpan<byte> record, IBufferWriter<byte> output)
    {
        if (LimitReached || !CriLogFormat.TryParse(record, out CriLogLine line))
        {
            return;
        }
        if (options.Since is DateTimeOffset since && line.Time < since)
        {
            return;
        }
        if (options.Timestamps && _atLineStart)
        {
            Emit(line.Timestamp, output);
            Emit(" "u8, output);
        }
        Emit(line.Content, output);
        if (!line.IsPartial)
        {
            Emit("\n"u8, output);
        }
        _atLineStart = !line.IsPartial;
    }

    private void Emit(ReadOnlySpan<byte> bytes, IBufferWriter<byte> output)
    {
        if (options.LimitBytes is long limit && bytes.Length > limit - _written)
        {
            bytes = bytes[..(int)Math.Max(0, limit - _written)];
        }
        output.Write(bytes);
        _written += bytes.Length;
    }
}
