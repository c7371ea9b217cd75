using System.Buffers;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.SchedBench.Tests;

public sealed class PodEventReaderTests
{
    /// <summary>A frame as the server writes one: [type, revision, the stored object's bytes or nil].</summary>
    private static ReadOnlySequence<byte> Frame(string type, long revision, byte[]? payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteArrayHeader(3);
        writer.Write(type);
        writer.Write(revision);
        if (payload is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.WriteRaw(payload);
        }
        writer.Flush();
        return new ReadOnlySequence<byte>(buffer.WrittenMemory);
    }

    private static Pod NewPod(string? nodeName) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new ObjectMeta { Name = "pod-000042", Namespace = "sched-1", Labels = new() { ["app"] = "x" }, Uid = "u1" },
        Spec = new PodSpec { NodeName = nodeName, SchedulerName = "default-scheduler", Containers = [new Container { Name = "c", Image = "i" }] },
        Status = new PodStatus { Phase = "Pending" },
    };

    [Fact]
    public void Read_BoundPod_GivesNamespaceNameAndNodeName()
    {
        PodEvent? e = PodEventReader.Read(Frame("MODIFIED", 77, ApiMessagePack.Serialize(NewPod("node-00003"))));

        Assert.Equal(new PodEvent("MODIFIED", 77, "sched-1", "pod-000042", "node-00003"), e);
    }

    [Fact]
    public void Read_UnboundPod_HasNoNodeName()
    {
        PodEvent? e = PodEventReader.Read(Frame("ADDED", 5, ApiMessagePack.Serialize(NewPod(null))));

        Assert.Equal(new PodEvent("ADDED", 5, "sched-1", "pod-000042", null), e);
    }

    [Fact]
    public void Read_BookmarkAndError_AreNotObjects()
    {
        PodEvent? bookmark = PodEventReader.Read(Frame("BOOKMARK", 9, null));
        PodEvent? error = PodEventReader.Read(Frame("ERROR", 0, ApiMessagePack.Serialize(new Status { Code = 410, Message = "too old resource version" })));

        Assert.Equal(new PodEvent("BOOKMARK", 9, null, null, null), bookmark);
        Assert.False(bookmark!.Value.IsObject);
        Assert.Equal("ERROR", error!.Value.Type);
        Assert.Equal("too old resource version", error.Value.Name);
    }

    [Fact]
    public void Read_Garbage_IsNull()
    {
        Assert.Null(PodEventReader.Read(new ReadOnlySequence<byte>([0x93, 0xc1, 0xc1])));
    }
}
