using System.Text;
using System.Threading.Channels;
using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Tests.Logs;

public sealed class CriLogReaderTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CopyToAsync_PartialAndFullRecords_JoinsLines()
    {
        string path = WriteLog(Record(0, "stdout", "F", "a"), Record(1, "stdout", "P", "b"), Record(2, "stdout", "F", "c"));

        Assert.Equal("a\nbc\n", await ReadAsync(path, new CriLogReadOptions()));
    }

    [Fact]
    public async Task CopyToAsync_Timestamps_PrefixesEachLineWithItsFirstRecordsTime()
    {
        string path = WriteLog(Record(0, "stdout", "F", "a"), Record(1, "stderr", "P", "b"), Record(2, "stderr", "F", "c"));

        Assert.Equal(
            $"{Time(0)} a\n{Time(1)} bc\n",
            await ReadAsync(path, new CriLogReadOptions { Timestamps = true }));
    }

    [Fact]
    public async Task CopyToAsync_MalformedRecord_IsSkipped()
    {
        string path = WriteLog(Record(0, "stdout", "F", "a"), "garbage line\n", Record(1, "stdout", "F", "b"));

        Assert.Equal("a\nb\n", await ReadAsync(path, new CriLogReadOptions()));
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "d")]
    [InlineData(2, "bc\nd")]
    [InlineData(3, "a\nbc\nd")]
    [InlineData(50, "a\nbc\nd")]
    public async Task CopyToAsync_TailLines_CountsLinesNotRecords(long tail, string expected)
    {
        string path = WriteLog(
            Record(0, "stdout", "F", "a"), Record(1, "stdout", "P", "b"), Record(2, "stdout", "F", "c"), Record(3, "stdout", "P", "d"));

        Assert.Equal(expected, await ReadAsync(path, new CriLogReadOptions { TailLines = tail }));
    }

    [Fact]
    public async Task CopyToAsync_TailWithRecordStillBeingWritten_IgnoresTheUnfinishedRecord()
    {
        string path = WriteLog(Record(0, "stdout", "F", "a"), Record(1, "stdout", "F", "b"));
        await File.AppendAllTextAsync(path, Record(2, "stdout", "F", "unfinish").TrimEnd('\n'), Ct);

        Assert.Equal("b\n", await ReadAsync(path, new CriLogReadOptions { TailLines = 1 }));
    }

    [Fact]
    public async Task CopyToAsync_TailOfLongLog_ReadsAcrossChunks()
    {
        string[] records = Enumerable.Range(0, 5000).Select(i => Record(0, "stdout", "F", $"line {i}")).ToArray();
        string path = WriteLog(records);

        string read = await ReadAsync(path, new CriLogReadOptions { TailLines = 1234 });

        Assert.Equal(string.Concat(Enumerable.Range(5000 - 1234, 1234).Select(i => $"line {i}\n")), read);
    }

    [Fact]
    public async Task CopyToAsync_Since_SkipsEarlierRecords()
    {
        string path = WriteLog(Record(0, "stdout", "F", "a"), Record(1, "stdout", "F", "b"), Record(2, "stdout", "F", "c"));

        Assert.Equal("b\nc\n", await ReadAsync(path, new CriLogReadOptions { Since = At(1) }));
    }

    [Fact]
    public async Task CopyToAsync_LimitBytes_StopsAtTheLimit()
    {
        string path = WriteLog(Record(0, "stdout", "F", "hello"), Record(1, "stdout", "F", "world"));

        Assert.Equal("hello\nwo", await ReadAsync(path, new CriLogReadOptions { LimitBytes = 8 }));
    }

    [Fact]
    public async Task CopyToAsync_RecordLongerThanOneRead_IsRead()
    {
        string content = new('x', 200_000);
        string path = WriteLog(Record(0, "stdout", "F", content), Record(1, "stdout", "F", "after"));

        Assert.Equal(content + "\nafter\n", await ReadAsync(path, new CriLogReadOptions()));
    }

    [Fact]
    public async Task CopyToAsync_NoFile_AnswersFalse()
    {
        using var destination = new MemoryStream();

        bool found = await CriLogReader.CopyToAsync(
            _directory.Combine("missing", "0.log"), new CriLogReadOptions(), destination, null, TimeProvider.System, Ct);

        Assert.False(found);
    }

    [Fact]
    public async Task CopyToAsync_Follow_SeesAppendedLinesUntilTheWriterIsDone()
    {
        string path = _directory.Combine("0.log");
        using CriLogWriter writer = CriLogWriter.Open(path, TimeProvider.System);
        writer.Write(LogStreamType.Stdout, "one\n"u8);
        var destination = new FlushNotifyingStream();
        bool active = true;
        var options = new CriLogReadOptions { Follow = true, PollInterval = TimeSpan.FromMilliseconds(20) };

        Task<bool> copy = CriLogReader.CopyToAsync(
            path, options, destination, _ => ValueTask.FromResult(Volatile.Read(ref active)), TimeProvider.System, Ct);

        await destination.WaitForAsync("one\n", Bound);
        writer.Write(LogStreamType.Stdout, "two\n"u8);
        await destination.WaitForAsync("one\ntwo\n", Bound);
        Assert.False(copy.IsCompleted);
        writer.Write(LogStreamType.Stdout, "three\n"u8);
        Volatile.Write(ref active, false);

        Assert.True(await copy.WaitAsync(Bound, Ct));
        Assert.Equal("one\ntwo\nthree\n", destination.Text);
    }

    [Fact]
    public async Task CopyToAsync_FollowCancelled_Throws()
    {
        string path = WriteLog(Record(0, "stdout", "F", "a"));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var destination = new MemoryStream();
        var options = new CriLogReadOptions { Follow = true, PollInterval = TimeSpan.FromMilliseconds(20) };

        Task<bool> copy = CriLogReader.CopyToAsync(path, options, destination, null, TimeProvider.System, cancel.Token);
        await Task.Delay(100, Ct);
        Assert.False(copy.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => copy.WaitAsync(Bound, Ct));
    }

    internal static DateTimeOffset At(int second) => new DateTimeOffset(2026, 1, 2, 3, 4, 0, TimeSpan.Zero).AddSeconds(second);

    internal static string Time(int second) => $"2026-01-02T03:04:{second:00}.000000000Z";

    internal static string Record(int second, string stream, string tag, string content) => $"{Time(second)} {stream} {tag} {content}\n";

    private string WriteLog(params string[] records)
    {
        string path = _directory.Combine(Guid.NewGuid().ToString("N") + ".log");
        File.WriteAllText(path, string.Concat(records));
        return path;
    }

    private static async Task<string> ReadAsync(string path, CriLogReadOptions options)
    {
        using var destination = new MemoryStream();
        Assert.True(await CriLogReader.CopyToAsync(path, options, destination, null, TimeProvider.System, Ct));
        return Encoding.UTF8.GetString(destination.ToArray());
    }

    /// <summary>Records what had been written at each flush, so a test can wait for output to be pushed out.</summary>
    private sealed class FlushNotifyingStream : MemoryStream
    {
        private readonly Channel<string> _flushed = Channel.CreateUnbounded<string>();

        public string Text => Encoding.UTF8.GetString(ToArray());

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            _flushed.Writer.TryWrite(Text);
            return Task.CompletedTask;
        }

        public async Task WaitForAsync(string expected, TimeSpan bound)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(bound);
            while (await _flushed.Reader.ReadAsync(timeout.Token) != expected)
            {
            }
        }
    }
}
