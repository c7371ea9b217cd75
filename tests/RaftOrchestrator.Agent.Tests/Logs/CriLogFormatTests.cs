using System.Text;
using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Tests.Logs;

public sealed class CriLogFormatTests
{
    [Fact]
    public void WriteTimestamp_AnyOffset_WritesUtcWithNineFractionDigits()
    {
        var at = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(1)).AddTicks(1234567);
        byte[] buffer = new byte[CriLogFormat.TimestampLength];

        int written = CriLogFormat.WriteTimestamp(at, buffer);

        Assert.Equal(CriLogFormat.TimestampLength, written);
        Assert.Equal("2026-01-02T03:04:05.123456700Z", Encoding.ASCII.GetString(buffer));
    }

    public static TheoryData<string, string> Timestamps => new()
    {
        { "2026-01-02T03:04:05.123456789Z", "2026-01-02T03:04:05.1234567+00:00" },
        { "2026-01-02T03:04:05Z", "2026-01-02T03:04:05.0000000+00:00" },
        { "2026-01-02T03:04:05.5Z", "2026-01-02T03:04:05.5000000+00:00" },
        { "2026-01-02T04:04:05.25+01:00", "2026-01-02T04:04:05.2500000+01:00" },
        { "2026-01-01T23:30:00-03:30", "2026-01-01T23:30:00.0000000-03:30" },
    };

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void TryParseTimestamp_Rfc3339Forms_Parses(string text, string expected)
    {
        Assert.True(CriLogFormat.TryParseTimestamp(Encoding.ASCII.GetBytes(text), out DateTimeOffset value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.Offset);
    }

    [Theory]
    [InlineData("2026-01-02 03:04:05Z")]
    [InlineData("2026-13-02T03:04:05Z")]
    [InlineData("2026-02-30T03:04:05Z")]
    [InlineData("2026-01-02T03:04:05")]
    [InlineData("2026-01-02T03:04:05.Z")]
    [InlineData("2026-01-02T03:04:05.1234567890Z")]
    [InlineData("2026-01-02T03:04:05+1:00")]
    [InlineData("2026-01-02T03:04:05+15:00")]
    [InlineData("yesterday")]
    public void TryParseTimestamp_NotRfc3339_Fails(string text)
    {
        Assert.False(CriLogFormat.TryParseTimestamp(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void TryParse_FullRecord_SplitsFields()
    {
        byte[] record = "2026-01-02T03:04:05.000000001Z stderr F hello  world "u8.ToArray();

        Assert.True(CriLogFormat.TryParse(record, out CriLogLine line));

        Assert.Equal("2026-01-02T03:04:05.000000001Z", Encoding.ASCII.GetString(line.Timestamp));
        Assert.Equal(LogStreamType.Stderr, line.Stream);
        Assert.False(line.IsPartial);
        Assert.Equal("hello  world ", Encoding.UTF8.GetString(line.Content));
    }

    [Theory]
    [InlineData("2026-01-02T03:04:05Z stdout P part", true, "part")]
    [InlineData("2026-01-02T03:04:05Z stdout F ", false, "")]
    [InlineData("2026-01-02T03:04:05Z stdout F", false, "")]
    [InlineData("2026-01-02T03:04:05Z stdout P:x text", true, "text")]
    public void TryParse_TagsAndEmptyContent_Parses(string text, bool partial, string content)
    {
        Assert.True(CriLogFormat.TryParse(Encoding.UTF8.GetBytes(text), out CriLogLine line));
        Assert.Equal(partial, line.IsPartial);
        Assert.Equal(content, Encoding.UTF8.GetString(line.Content));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text output")]
    [InlineData("2026-01-02T03:04:05Z stdin F x")]
    [InlineData("2026-01-02T03:04:05Z stdout X x")]
    [InlineData("2026-01-02T03:04:05Z stdout")]
    [InlineData("not-a-time stdout F x")]
    public void TryParse_Malformed_Fails(string text)
    {
        Assert.False(CriLogFormat.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }
}
