using System.Buffers;
using MessagePack;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// The payload of a <see cref="CommandType.Txn"/> command, format version <see cref="FormatVersion"/>, in
/// MessagePack written field by field (no reflection). Positions are the wire contract:
/// <code>
///   txn      [compares[], success ops[], failure ops[]]
///   compare  [key, rangeEnd, target, result, number, value]
///   range    [0, key, rangeEnd, revision, limit, flags(1 countOnly, 2 keysOnly), sortOrder, sortTarget,
///             minMod, maxMod, minCreate, maxCreate]
///   put      [1, key, value, lease, flags(1 prevKv, 2 ignoreValue, 4 ignoreLease)]
///   delete   [2, key, rangeEnd, prevKv]
/// </code>
/// Decoding slices keys and values out of the entry's buffer without copying (the store copies what it
/// keeps), so the decoded request is valid only while that buffer is.
/// </summary>
public static class TxnCodec
{
    public const byte FormatVersion = 1;

    /// <summary>The transaction as a command for a log entry.</summary>
    public static EncodedCommand EncodeCommand(TxnRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Encode(request, buffer);
        return new EncodedCommand((byte)CommandType.Txn, FormatVersion, buffer.WrittenMemory);
    }

    public static void Encode(TxnRequest request, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(request);
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(3);
        writer.WriteArrayHeader(request.Compares.Count);
        foreach (Compare c in request.Compares)
        {
            writer.WriteArrayHeader(6);
            WriteBytes(ref writer, c.Range.Key);
            WriteBytes(ref writer, c.Range.RangeEnd);
            writer.Write((int)c.Target);
            writer.Write((int)c.Result);
            writer.Write(c.Number);
            WriteBytes(ref writer, c.Value);
        }
        WriteOps(ref writer, request.Success);
        WriteOps(ref writer, request.Failure);
        writer.Flush();
    }

    /// <summary>Decodes a payload; a malformed one is <see cref="InvalidDataException"/>.</summary>
    public static TxnRequest Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            var reader = new MessagePackReader(payload);
            Expect(reader.ReadArrayHeader(), 3);
            var compares = new Compare[reader.ReadArrayHeader()];
            for (int i = 0; i < compares.Length; i++)
            {
                Expect(reader.ReadArrayHeader(), 6);
                compares[i] = new Compare(
                    new KeyRange(ReadBytes(ref reader), ReadBytes(ref reader)),
                    ReadEnum<CompareTarget>(ref reader),
                    ReadEnum<CompareResult>(ref reader),
                    reader.ReadInt64(),
                    ReadBytes(ref reader));
            }
            RequestOp[] success = ReadOps(ref reader);
            RequestOp[] failure = ReadOps(ref reader);
            return new TxnRequest(compares, success, failure);
        }
        catch (MessagePackSerializationException e)
        {
            throw new InvalidDataException("Malformed transaction payload.", e);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Truncated transaction payload.", e);
        }
    }

    private static void WriteOps(ref MessagePackWriter writer, IReadOnlyList<RequestOp> ops)
    {
        writer.WriteArrayHeader(ops.Count);
        foreach (RequestOp op in ops)
        {
            switch (op)
            {
                case RangeOp { Request: var r }:
                    writer.WriteArrayHeader(12);
                    writer.Write(0);
                    WriteBytes(ref writer, r.Range.Key);
                    WriteBytes(ref writer, r.Range.RangeEnd);
                    writer.Write(r.Revision);
                    writer.Write(r.Limit);
                    writer.Write((r.CountOnly ? 1 : 0) | (r.KeysOnly ? 2 : 0));
                    writer.Write((int)r.SortOrder);
                    writer.Write((int)r.SortTarget);
                    writer.Write(r.MinModRevision);
                    writer.Write(r.MaxModRevision);
                    writer.Write(r.MinCreateRevision);
                    writer.Write(r.MaxCreateRevision);
                    break;
                case PutOp p:
                    writer.WriteArrayHeader(5);
                    writer.Write(1);
                    WriteBytes(ref writer, p.Key);
                    WriteBytes(ref writer, p.Value);
                    writer.Write(p.Options.Lease);
                    writer.Write((p.Options.PrevKv ? 1 : 0) | (p.Options.IgnoreValue ? 2 : 0) | (p.Options.IgnoreLease ? 4 : 0));
                    break;
                case DeleteRangeOp d:
                    writer.WriteArrayHeader(4);
                    writer.Write(2);
                    WriteBytes(ref writer, d.Range.Key);
                    WriteBytes(ref writer, d.Range.RangeEnd);
                    writer.Write(d.PrevKv);
                    break;
                default:
                    throw new ArgumentException($"Unknown request op {op.GetType().Name}.", nameof(ops));
            }
        }
    }

    private static RequestOp[] ReadOps(ref MessagePackReader reader)
    {
        var ops = new RequestOp[reader.ReadArrayHeader()];
        for (int i = 0; i < ops.Length; i++)
        {
            int fields = reader.ReadArrayHeader();
            int kind = reader.ReadInt32();
            ops[i] = kind switch
            {
                0 when fields == 12 => ReadRange(ref reader),
                1 when fields == 5 => ReadPut(ref reader),
                2 when fields == 4 => new DeleteRangeOp(
                    new KeyRange(ReadBytes(ref reader), ReadBytes(ref reader)), reader.ReadBoolean()),
                _ => throw new InvalidDataException($"Unknown transaction op kind {kind} with {fields} fields."),
            };
        }
        return ops;
    }

    private static RangeOp ReadRange(ref MessagePackReader reader)
    {
        var range = new KeyRange(ReadBytes(ref reader), ReadBytes(ref reader));
        long revision = reader.ReadInt64(), limit = reader.ReadInt64();
        int flags = reader.ReadInt32();
        return new RangeOp(new RangeRequest(range)
        {
            Revision = revision,
            Limit = limit,
            CountOnly = (flags & 1) != 0,
            KeysOnly = (flags & 2) != 0,
            SortOrder = ReadEnum<SortOrder>(ref reader),
            SortTarget = ReadEnum<SortTarget>(ref reader),
            MinModRevision = reader.ReadInt64(),
            MaxModRevision = reader.ReadInt64(),
            MinCreateRevision = reader.ReadInt64(),
            MaxCreateRevision = reader.ReadInt64(),
        });
    }

    private static PutOp ReadPut(ref MessagePackReader reader)
    {
        ReadOnlyMemory<byte> key = ReadBytes(ref reader), value = ReadBytes(ref reader);
        long lease = reader.ReadInt64();
        int flags = reader.ReadInt32();
        return new PutOp(key, value, new PutOptions
        {
            Lease = lease,
            PrevKv = (flags & 1) != 0,
            IgnoreValue = (flags & 2) != 0,
            IgnoreLease = (flags & 4) != 0,
        });
    }

    private static void WriteBytes(ref MessagePackWriter writer, ReadOnlyMemory<byte> bytes) => writer.Write(bytes.Span);

    /// <summary>A bin field as a slice of the payload: the reader walks one segment, the payload's own memory.</summary>
    private static ReadOnlyMemory<byte> ReadBytes(ref MessagePackReader reader)
    {
        ReadOnlySequence<byte>? bytes = reader.ReadBytes();
        if (bytes is not { } sequence || sequence.IsEmpty)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        return sequence.IsSingleSegment ? sequence.First : sequence.ToArray();
    }

    private static TEnum ReadEnum<TEnum>(ref MessagePackReader reader)
        where TEnum : struct, Enum
    {
        int value = reader.ReadInt32();
        var result = (TEnum)Enum.ToObject(typeof(TEnum), value);
        return Enum.IsDefined(result) ? result : throw new InvalidDataException($"{typeof(TEnum).Name} {value} is not defined.");
    }

    private static void Expect(int actual, int expected)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"Malformed transaction payload: {actual} fields where {expected} were expected.");
        }
    }
}
