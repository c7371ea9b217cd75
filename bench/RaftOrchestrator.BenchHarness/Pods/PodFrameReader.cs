using System.Buffers;
using System.Reflection;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.BenchHarness.Pods;

/// <summary>
/// Reads a MessagePack pod watch frame ([type, resourceVersion, object]) without decoding the pod: only
/// metadata.namespace and name, spec.nodeName, status.phase and the Ready condition's status are read, the rest is
/// skipped. The benchmarks share two cores with the cluster they measure; at several events per pod a full decode
/// would take CPU from it. Field positions come from the model's [Key] attributes, so the reader follows the model.
/// </summary>
public static class PodFrameReader
{
    private static readonly int s_podMetadata = KeyOf(typeof(Pod), nameof(Pod.Metadata));
    private static readonly int s_podSpec = KeyOf(typeof(Pod), nameof(Pod.Spec));
    private static readonly int s_podStatus = KeyOf(typeof(Pod), nameof(Pod.Status));
    private static readonly int s_metaName = KeyOf(typeof(ObjectMeta), nameof(ObjectMeta.Name));
    private static readonly int s_metaNamespace = KeyOf(typeof(ObjectMeta), nameof(ObjectMeta.Namespace));
    private static readonly int s_specNodeName = KeyOf(typeof(PodSpec), nameof(PodSpec.NodeName));
    private static readonly int s_statusPhase = KeyOf(typeof(PodStatus), nameof(PodStatus.Phase));
    private static readonly int s_statusConditions = KeyOf(typeof(PodStatus), nameof(PodStatus.Conditions));
    private static readonly int s_conditionType = KeyOf(typeof(PodCondition), nameof(PodCondition.Type));
    private static readonly int s_conditionStatus = KeyOf(typeof(PodCondition), nameof(PodCondition.Status));

    /// <summary>The observation, or null when the frame is not one (malformed or truncated).</summary>
    public static PodFrame? Read(ReadOnlySequence<byte> frame)
    {
        try
        {
            var reader = new MessagePackReader(frame);
            if (reader.ReadArrayHeader() != 3)
            {
                return null;
            }
            string type = reader.ReadString() ?? "";
            long revision = reader.ReadInt64();
            if (reader.TryReadNil())
            {
                return new PodFrame(type, revision, null, null, null, null, false);
            }
            if (type == "ERROR")
            {
                Status status = MessagePackSerializer.Deserialize<Status>(ref reader, ApiMessagePack.Options);
                return new PodFrame(type, revision, null, status.Message ?? status.Reason ?? "watch error", null, null, false);
            }
            string? ns = null, name = null, nodeName = null, phase = null;
            bool ready = false;
            int fields = reader.ReadArrayHeader();
            for (int i = 0; i < fields; i++)
            {
                if (reader.TryReadNil())
                {
                    continue;
                }
                if (i == s_podMetadata)
                {
                    (ns, name) = ReadMetadata(ref reader);
                }
                else if (i == s_podSpec)
                {
                    nodeName = ReadField(ref reader, s_specNodeName);
                }
                else if (i == s_podStatus)
                {
                    (phase, ready) = ReadStatus(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            return new PodFrame(type, revision, ns, name, string.IsNullOrEmpty(nodeName) ? null : nodeName, phase, ready);
        }
        catch (Exception e) when (e is MessagePackSerializationException or EndOfStreamException)
        {
            return null;
        }
    }

    private static (string? Namespace, string? Name) ReadMetadata(ref MessagePackReader reader)
    {
        string? ns = null, name = null;
        int fields = reader.ReadArrayHeader();
        for (int i = 0; i < fields; i++)
        {
            if (i == s_metaName)
            {
                name = reader.ReadString();
            }
            else if (i == s_metaNamespace)
            {
                ns = reader.ReadString();
            }
            else
            {
                reader.Skip();
            }
        }
        return (ns, name);
    }

    /// <summary>One string field of an object (array-encoded); every other field is skipped.</summary>
    private static string? ReadField(ref MessagePackReader reader, int key)
    {
        string? value = null;
        int fields = reader.ReadArrayHeader();
        for (int i = 0; i < fields; i++)
        {
            if (i == key)
            {
                value = reader.ReadString();
            }
            else
            {
                reader.Skip();
            }
        }
        return value;
    }

    private static (string? Phase, bool Ready) ReadStatus(ref MessagePackReader reader)
    {
        string? phase = null;
        bool ready = false;
        int fields = reader.ReadArrayHeader();
        for (int i = 0; i < fields; i++)
        {
            if (i == s_statusPhase)
            {
                phase = reader.ReadString();
            }
            else if (i == s_statusConditions)
            {
                // TryReadNil consumes the nil: a nil list must not fall through to Skip, which would take the next field.
                if (reader.TryReadNil())
                {
                    continue;
                }
                int conditions = reader.ReadArrayHeader();
                for (int c = 0; c < conditions; c++)
                {
                    (string? type, string? status) = ReadCondition(ref reader);
                    ready |= type == "Ready" && status == "True";
                }
            }
            else
            {
                reader.Skip();
            }
        }
        return (phase, ready);
    }

    private static (string? Type, string? Status) ReadCondition(ref MessagePackReader reader)
    {
        string? type = null, status = null;
        int fields = reader.ReadArrayHeader();
        for (int i = 0; i < fields; i++)
        {
            if (i == s_conditionType)
            {
                type = reader.ReadString();
            }
            else if (i == s_conditionStatus)
            {
                status = reader.ReadString();
            }
            else
            {
                reader.Skip();
            }
        }
        return (type, status);
    }

    private static int KeyOf(Type type, string property) =>
        type.GetProperty(property)?.GetCustomAttribute<KeyAttribute>()?.IntKey
        ?? throw new InvalidOperationException($"{type.Name}.{property} has no integer MessagePack key");
}
