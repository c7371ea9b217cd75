using System.Buffers;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.BenchHarness.Pods;

namespace RaftOrchestrator.SchedBench.Tests;

public sealed class PodFrameReaderTests
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
        Status = new PodStatus { Phase = "Running", Conditions = [new PodCondition { Type = "Initialized", Status = "True" }, new PodCondition { Type = "Ready", Status = "True" }] },
    };

    [Fact]
    public void Read_BoundPod_GivesNamespaceNameNodePhaseAndReadiness()
    {
        PodFrame? e = PodFrameReader.Read(Frame("MODIFIED", 77, ApiMessagePack.Serialize(NewPod("node-00003"))));

        Assert.Equal(new PodFrame("MODIFIED", 77, "sched-1", "pod-000042", "node-00003", "Running", true), e);
        Assert.True(e!.Value.Bound);
    }

    [Fact]
    public void Read_UnboundPod_HasNoNodeName()
    {
        Pod pod = NewPod(null);
        pod.Status = new PodStatus { Phase = "Pending", Conditions = [new PodCondition { Type = "Ready", Status = "False" }] };
        PodFrame? e = PodFrameReader.Read(Frame("ADDED", 5, ApiMessagePack.Serialize(pod)));

        Assert.Equal(new PodFrame("ADDED", 5, "sched-1", "pod-000042", null, "Pending", false), e);
        Assert.False(e!.Value.Bound);
    }

    [Fact]
    public void Read_PodWithoutConditions_IsRead()
    {
        Pod pod = NewPod(null);
        pod.Status = new PodStatus { Phase = "Pending", QosClass = "BestEffort" };
        PodFrame? e = PodFrameReader.Read(Frame("ADDED", 6, ApiMessagePack.Serialize(pod)));

        Assert.Equal(new PodFrame("ADDED", 6, "sched-1", "pod-000042", null, "Pending", false), e);
    }

    [Fact]
    public void Read_BookmarkAndError_AreNotObjects()
    {
        PodFrame? bookmark = PodFrameReader.Read(Frame("BOOKMARK", 9, null));
        PodFrame? error = PodFrameReader.Read(Frame("ERROR", 0, ApiMessagePack.Serialize(new Status { Code = 410, Message = "too old resource version" })));

        Assert.Equal(new PodFrame("BOOKMARK", 9, null, null, null, null, false), bookmark);
        Assert.Equal("ERROR", error!.Value.Type);
        Assert.Equal("too old resource version", error.Value.Name);
    }

    [Fact]
    public void Read_Garbage_IsNull()
    {
        Assert.Null(PodFrameReader.Read(new ReadOnlySequence<byte>([0x93, 0xc1, 0xc1])));
    }
}
