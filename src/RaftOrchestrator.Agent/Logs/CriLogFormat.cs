using System.Globalization;

namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// The CRI container log format, one record a line: <c>2026-01-02T03:04:05.123456789Z stdout F text</c>. The
/// timestamp is RFC 3339 with up to nine fraction digits (this writer: UTC, always nine), then the stream, then the
/// tag (F: the record ends a line; P: partial, the line continues in the stream's next record; more tags may follow
/// after a ':'), then one space and the content up to the newline. Pure: parsing and formatting only.
/// </summary>
public static class CriLogFormat
{
    /// <summary>Bytes of a timestamp as <see cref="WriteTimestamp"/> writes it (2026-01-02T03:04:05.123456700Z).</summary>
    public const int TimestampLength = 30;

    /// <summary>The longest prefix that holds a record's timestamp (offset form), stream and tag.</summary>
    public const int MaxHeaderLength = 64;

    public const byte Newline = (byte)'\n';

    private const byte Space = (byte)' ';

    /// <summary>.NET keeps 100 ns ticks: seven fraction digits, padded to nine with zeros.</summary>
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'";

    public static ReadOnlySpan<byte> StreamName(LogStreamType stream) => stream == LogStreamType.Stdout ? "stdout"u8 : "stderr"u8;

    /// <summary>Writes <paramref name="at"/> in UTC with nine fraction digits; answers the bytes written.</summary>
    public static int WriteTimestamp(DateTimeOffset at, Span<byte> destination)
    {
        if (!at.UtcDateTime.TryFormat(destination, out int written, TimestampFormat, CultureInfo.InvariantCulture)
            || written != TimestampLength)
        {
            throw new ArgumentException($"A timestamp needs {TimestampLength} bytes.", nameof(destination));
        }
        return written;
    }

    /// <summary>Parses one record (without its newline). False for a line that is not in the format.</summary>
    public static bool TryParse(ReadOnlySpan<byte> record, out CriLogLine line)
    {
        line = default;
        int space = record.IndexOf(Space);
        if (space < 0 || !TryParseTimestamp(record[..space], out DateTimeOffset time))
        {
            return false;
        }
        ReadOnlySpan<byte> timestamp = record[..space];
        ReadOnlySpan<byte> rest = record[(space + 1)..];
        space = rest.IndexOf(Space);
        if (space < 0)
        {
            return false;
        }
        LogStreamType stream;
        if (rest[..space].SequenceEqual("stdout"u8))
        {
            stream = LogStreamType.Stdout;
        }
        else if (rest[..space].SequenceEqual("stderr"u8))
        {
            stream = LogStreamType.Stderr;
        }
        else
        {
            return false;
        }
        rest = rest[(space + 1)..];
        space = rest.IndexOf(Space);
        ReadOnlySpan<byte> tags = space < 0 ? rest : rest[..space];
        ReadOnlySpan<byte> content = space < 0 ? default : rest[(space + 1)..];
        int colon = tags.IndexOf((byte)':');
        ReadOnlySpan<byte> first = colon < 0 ? tags : tags[..colon];
        if (first.Length != 1 || (first[0] != (byte)'F' && first[0] != (byte)'P'))
        {
            return false;
        }
        line = new CriLogLine(timestamp, time, stream, first[0] == (byte)'P', content);
        return true;
    }

    /// <summary>
    /// Parses an RFC 3339 timestamp: <c>yyyy-MM-ddTHH:mm:ss</c>, an optional fraction of one to nine digits (kept to
    /// 100 ns), then <c>Z</c> or <c>±HH:MM</c>.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20
            || text[4] != (byte)'-' || text[7] != (byte)'-' || (text[10] | 0x20) != (byte)'t'
            || text[13] != (byte)':' || text[16] != (byte)':'
            || !TryDigits(text.Slice(0, 4), out int year) || !TryDigits(text.Slice(5, 2), out int month)
            || !TryDigits(text.Slice(8, 2), out int day) || !TryDigits(text.Slice(11, 2), out int hour)
            || !TryDigits(text.Slice(14, 2), out int minute) || !TryDigits(text.Slice(17, 2), out int second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        ReadOnlySpan<byte> rest = text[19..];
        long fractionTicks = 0;
        if (rest[0] == (byte)'.')
        {
            int digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit((char)rest[digits]))
            {
                digits++;
            }
            if (digits is 1 or > 10)
            {
                return false;
            }
            long scale = TimeSpan.TicksPerSecond;
            for (int i = 1; i < digits; i++)
            {
                scale /= 10;
                fractionTicks += (rest[i] - '0') * scale;
            }
            rest = rest[digits..];
        }
        TimeSpan offset;
        if (rest.Length == 1 && (rest[0] | 0x20) == (byte)'z')
        {
            offset = TimeSpan.Zero;
        }
        else if (rest.Length == 6 && (rest[0] == (byte)'+' || rest[0] == (byte)'-') && rest[3] == (byte)':'
            && TryDigits(rest.Slice(1, 2), out int offsetHours) && TryDigits(rest.Slice(4, 2), out int offsetMinutes)
            && offsetMinutes < 60 && (offsetHours * 60) + offsetMinutes <= 14 * 60)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (rest[0] == (byte)'-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        long utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks + fractionTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        value = new DateTimeOffset(local.AddTicks(fractionTicks), offset);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (byte b in text)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }
            value = (value * 10) + (b - '0');
        }
        return true;
    }
}
