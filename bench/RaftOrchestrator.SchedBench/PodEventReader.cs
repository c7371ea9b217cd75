using System.Buffers;
using System.Reflection;
using MessagePack;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// Reads a MessagePack pod watch frame ([type, resourceVersion, object]) without decoding the whole pod: only
/// metadata.namespace, metadata.name and spec.nodeName are read, everything else is skipped. At 50k pods and
/// two events each, a full decode would take CPU from the replicas measured on this two-core machine. The
/// positions of those fields in the model's integer-keyed encoding are taken from the model's [Key] attributes,
/// so the reader follows the model if it changes.
/// </summary>
internal static class PodEventReader
{
    private static readonly int s_podMetadata = KeyOf(typeof(Pod), nameof(Pod.Metadata));
    private static readonly int s_podSpec = KeyOf(typeof(Pod), nameof(Pod.Spec));
    private static readonly int s_metaName = KeyOf(typeof(ObjectMeta), nameof(ObjectMeta.Name));
    private static readonly int s_metaNamespace = KeyOf(typeof(ObjectMeta), nameof(ObjectMeta.Namespace));
    private static readonly int s_specNodeName = KeyOf(typeof(PodSpec), nameof(PodSpec.NodeName));

    /// <summary>The event, or null when the frame is not one (malformed or truncated: the reader's exceptions are caught here).</summary>
    public static PodEvent? Read(ReadOnlySequence<byte> frame)
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
                return new PodEvent(type, revision, null, null, null);
            }
            if (type == "ERROR")
            {
                Status status = MessagePackSerializer.Deserialize<Status>(ref reader, ApiMessagePack.Options);
                return new PodEvent(type, revision, null, status.Message ?? status.Reason ?? "watch error", null);
            }
            string? ns = null, name = null, nodeName = null;
            int fields = reader.ReadArrayHeader();
            for (int i = 0; i < fields; i++)
            {
                if (i == s_podMetadata && !reader.TryReadNil())
                {
                    (ns, name) = ReadMetadata(ref reader);
                }
                else if (i == s_podSpec && !reader.TryReadNil())
                {
                    nodeName = ReadNodeName(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            return new PodEvent(type, revision, ns, name, string.IsNullOrEmpty(nodeName) ? null : nodeName);
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

    private static string? ReadNodeName(ref MessagePackReader reader)
    {
        string? nodeName = null;
        int fields = reader.ReadArrayHeader();
        for (int i = 0; i < fields; i++)
        {
            if (i == s_specNodeName)
            {
                nodeName = reader.ReadString();
            }
            else
            {
                reader.Skip();
            }
        }
        return nodeName;
    }

    private static int KeyOf(Type type, string property) =>
        type.GetProperty(property)?.GetCustomAttribute<KeyAttribute>()?.IntKey
        ?? throw new InvalidOperationException($"{type.Name}.{property} has no integer MessagePack key");
}
