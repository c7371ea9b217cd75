namespace RaftOrchestrator.Agent.Logs;

/// <summary>
/// One record of a CRI-format log file, parsed in place: <c>&lt;timestamp&gt; &lt;stream&gt; &lt;tag&gt; &lt;content&gt;</c>.
/// The spans point into the caller's buffer and live no longer than it.
/// </summary>
/// <remarks>
/// A partial record (<see cref="IsPartial"/>, tag P) is a piece of a line the writer split because it was too long
/// or because the stream ended without a newline; the line goes on in the next record of the same stream. A full
/// record (tag F) ends the line: the newline itself is not part of <see cref="Content"/>.
/// </remarks>
public readonly ref struct CriLogLine
{
    public CriLogLine(ReadOnlySpan<byte> timestamp, DateTimeOffset time, LogStreamType stream, bool isPartial, ReadOnlySpan<byte> content)
    {
        Timestamp = timestamp;
        Time = time;
        Stream = stream;
        IsPartial = isPartial;
        Content = content;
    }

    /// <summary>The timestamp as written (RFC 3339 with up to nine fraction digits), for output with timestamps.</summary>
    public ReadOnlySpan<byte> Timestamp { get; }

    /// <summary>The timestamp, to 100 ns (the digits beyond are dropped).</summary>
    public DateTimeOffset Time { get; }

    public LogStreamType Stream { get; }

    public bool IsPartial { get; }

    public ReadOnlySpan<byte> Content { get; }
}
