using System.Text;
using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Tests.Logs;

public sealed class CriLogWriterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Write_CompleteLines_WritesFullRecordsAtOnce()
    {
        string path = _directory.Combine("0.log");
        using CriLogWriter writer = CriLogWriter.Open(path, _time);

        writer.Write(LogStreamType.Stdout, "one\ntwo\n"u8);
        _time.Advance(TimeSpan.FromMilliseconds(1.5));
        writer.Write(LogStreamType.Stderr, "three\n"u8);

        // Read while the writer is still open: every Write is already in the file.
        Assert.Equal(
            [
                "2026-01-02T03:04:05.000000000Z stdout F one",
                "2026-01-02T03:04:05.000000000Z stdout F two",
                "2026-01-02T03:04:05.001500000Z stderr F three",
            ],
            ReadLines(path));
    }

    [Fact]
    public void Write_LineInPieces_IsOneRecordWhenItEnds()
    {
        string path = _directory.Combine("0.log");
        using CriLogWriter writer = CriLogWriter.Open(path, _time);

        writer.Write(LogStreamType.Stdout, "hel"u8);
        Assert.Empty(ReadLines(path));
        writer.Write(LogStreamType.Stdout, "lo\nwor"u8);
        writer.Write(LogStreamType.Stdout, "ld\n"u8);

        Assert.Equal(["stdout F hello", "stdout F world"], ReadLines(path).Select(WithoutTime));
    }

    [Fact]
    public void Write_LineLongerThanMax_SplitsIntoPartialRecords()
    {
        string path = _directory.Combine("0.log");
        using CriLogWriter writer = CriLogWriter.Open(path, _time, maxLineBytes: 4);

        writer.Write(LogStreamType.Stdout, "abcdefghij\nwxyz\n"u8);

        Assert.Equal(
            ["stdout P abcd", "stdout P efgh", "stdout F ij", "stdout F wxyz"],
            ReadLines(path).Select(WithoutTime));
    }

    [Fact]
    public void Write_StreamsInterleaved_KeepTheirOwnUnfinishedLine()
    {
        string path = _directory.Combine("0.log");
        using CriLogWriter writer = CriLogWriter.Open(path, _time);

        writer.Write(LogStreamType.Stdout, "out-"u8);
        writer.Write(LogStreamType.Stderr, "err-"u8);
        writer.Write(LogStreamType.Stdout, "1\n"u8);
        writer.Write(LogStreamType.Stderr, "2\n"u8);

        Assert.Equal(["stdout F out-1", "stderr F err-2"], ReadLines(path).Select(WithoutTime));
    }

    [Fact]
    public void Complete_UnfinishedLine_WritesPartialRecord()
    {
        string path = _directory.Combine("0.log");
        using CriLogWriter writer = CriLogWriter.Open(path, _time);

        writer.Write(LogStreamType.Stdout, "done\nno newline"u8);
        writer.Complete(LogStreamType.Stdout);
        writer.Complete(LogStreamType.Stderr);

        Assert.Equal(["stdout F done", "stdout P no newline"], ReadLines(path).Select(WithoutTime));
    }

    [Fact]
    public void Open_ExistingFile_Appends()
    {
        string path = _directory.Combine("0.log");
        using (CriLogWriter first = CriLogWriter.Open(path, _time))
        {
            first.Write(LogStreamType.Stdout, "first\n"u8);
        }
        using CriLogWriter second = CriLogWriter.Open(path, _time);

        second.Write(LogStreamType.Stdout, "second\n"u8);

        Assert.Equal(["stdout F first", "stdout F second"], ReadLines(path).Select(WithoutTime));
    }

    private static string[] ReadLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string WithoutTime(string record) => record[(CriLogFormat.TimestampLength + 1)..];
}
