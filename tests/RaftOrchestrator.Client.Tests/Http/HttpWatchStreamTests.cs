using System.Net;
using FsCheck;
using FsCheck.Xunit;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Http;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client.Tests.Http;

/// <summary>
/// The watch stream's decoding of both wire formats, fed in chunks of every size (frames split anywhere, several
/// per read): the same events in order, the resourceVersions the contract promises, and the ends of a stream.
/// </summary>
public sealed class HttpWatchStreamTests
{
    private static readonly Status s_gone = new() { Outcome = "Failure", Code = 410, Reason = "Expired", Message = "too old resource version: 3 (9)" };

    [Property(MaxTest = 60)]
    public async Task ReadAsync_MessagePackFramesInAnyChunking_DecodesEveryEventInOrder(PositiveInt chunk)
    {
        byte[] stream = [
            .. WireFrames.MessagePack("ADDED", 11, WireFrames.Map("a", 11, "1")),
            .. WireFrames.MessagePack("MODIFIED", 12, WireFrames.Map("a", 12, "2")),
            .. WireFrames.MessagePack("BOOKMARK", 15, null),
            .. WireFrames.MessagePack("DELETED", 16, WireFrames.Map("a", 12, "2")),
        ];

        List<WatchEvent<ConfigMap>?> events = await ReadAllAsync(stream, messagePack: true, Math.Min(chunk.Get, 200));

        AssertHistory(events);
    }

    [Property(MaxTest = 60)]
    public async Task ReadAsync_JsonLinesInAnyChunking_DecodesEveryEventInOrder(PositiveInt chunk)
    {
        ConfigMap deleted = WireFrames.Map("a", 16, "2");
        byte[] stream = [
            .. WireFrames.Json("ADDED", WireFrames.Map("a", 11, "1")),
            .. "\n"u8,
            .. WireFrames.Json("MODIFIED", WireFrames.Map("a", 12, "2"), objectFirst: true),
            .. WireFrames.Json("BOOKMARK", null, bookmark: 15),
            .. WireFrames.Json("DELETED", deleted),
        ];

        List<WatchEvent<ConfigMap>?> events = await ReadAllAsync(stream, messagePack: false, Math.Min(chunk.Get, 200));

        AssertHistory(events);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_ErrorEvent_CarriesTheStatusAndEndsTheStream(bool messagePack)
    {
        byte[] stream = messagePack ? WireFrames.MessagePack("ERROR", 0, null, s_gone) : WireFrames.Json("ERROR", null, s_gone);

        List<WatchEvent<ConfigMap>?> events = await ReadAllAsync(stream, messagePack, 7);

        Assert.Equal(2, events.Count);
        Assert.Equal(WatchEventType.Error, events[0]!.Value.Type);
        Assert.Equal((410, "Expired"), (events[0]!.Value.Error!.Code, events[0]!.Value.Error!.Reason));
        Assert.Null(events[1]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_GarbageAfterAnEvent_IsA500ErrorThenTheEnd(bool messagePack)
    {
        byte[] good = messagePack ? WireFrames.MessagePack("ADDED", 5, WireFrames.Map("a", 5, "1")) : WireFrames.Json("ADDED", WireFrames.Map("a", 5, "1"));
        byte[] bad = messagePack ? [0, 0, 0, 3, 0x93, 0xA3, (byte)'X'] : "{\"type\":\"SURPRISE\",\"object\":{}}\n"u8.ToArray();

        List<WatchEvent<ConfigMap>?> events = await ReadAllAsync([.. good, .. bad, .. good], messagePack, 64);

        Assert.Equal(3, events.Count);
        Assert.Equal(WatchEventType.Added, events[0]!.Value.Type);
        Assert.Equal((WatchEventType.Error, 500), (events[1]!.Value.Type, events[1]!.Value.Error!.Code));
        Assert.Null(events[2]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_StreamCutInsideAFrame_EndsWithoutAnEvent(bool messagePack)
    {
        byte[] frame = messagePack ? WireFrames.MessagePack("ADDED", 5, WireFrames.Map("a", 5, "1")) : WireFrames.Json("ADDED", WireFrames.Map("a", 5, "1"));

        List<WatchEvent<ConfigMap>?> events = await ReadAllAsync(frame[..^3], messagePack, 16);

        Assert.Equal([null], events);
    }

    private static void AssertHistory(List<WatchEvent<ConfigMap>?> events)
    {
        Assert.Equal(5, events.Count);
        Assert.Null(events[4]);
        Assert.Equal(
            [(WatchEventType.Added, "11", "1"), (WatchEventType.Modified, "12", "2"), (WatchEventType.Bookmark, "15", null), (WatchEventType.Deleted, "16", "2")],
            events.Take(4).Select(e => (e!.Value.Type, e.Value.ResourceVersion, e.Value.Value?.Data?["k"])));
        Assert.All(events.Take(4).Where(e => e!.Value.Value is not null), e => Assert.Equal(e!.Value.ResourceVersion, e.Value.Value!.Metadata.ResourceVersion));
        Assert.Equal("uid-a", events[3]!.Value.Value!.Metadata.Uid);
    }

    /// <summary>Every read until the first null (included), bounded.</summary>
    private static async Task<List<WatchEvent<ConfigMap>?>> ReadAllAsync(byte[] bytes, bool messagePack, int chunk)
    {
        var events = new List<WatchEvent<ConfigMap>?>();
        await using var watch = new HttpWatchStream<ConfigMap>(new HttpResponseMessage(HttpStatusCode.OK), new ChunkedStream(bytes, chunk), messagePack);
        for (int i = 0; i < 20; i++)
        {
            WatchEvent<ConfigMap>? next = await watch.ReadAsync(TestContext.Current.CancellationToken);
            events.Add(next);
            if (next is null)
            {
                break;
            }
        }
        return events;
    }
}
