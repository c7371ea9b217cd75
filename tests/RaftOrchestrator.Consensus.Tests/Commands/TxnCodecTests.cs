using System.Buffers;
using System.Runtime.InteropServices;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Consensus.Commands;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Consensus.Tests.Commands;

public sealed class TxnCodecTests
{
    private static readonly Gen<byte[]> s_bytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i)).Select(a => a.Take(12).ToArray());
    private static readonly Gen<long> s_long = Gen.Choose(-1000, 100_000).Select(i => (long)i * 97);

    private static readonly Gen<KeyRange> s_range = Gen.Zip(s_bytes, s_bytes).Select(t => new KeyRange(t.Item1, t.Item2));

    private static readonly Gen<Compare> s_compare =
        from range in s_range
        from target in Gen.Elements(Enum.GetValues<CompareTarget>())
        from result in Gen.Elements(Enum.GetValues<CompareResult>())
        from number in s_long
        from value in s_bytes
        select new Compare(range, target, result, number, value);

    private static readonly Gen<RequestOp> s_op = Gen.OneOf(
        from range in s_range
        from rev in s_long
        from limit in s_long
        from flags in Gen.Choose(0, 3)
        from order in Gen.Elements(Enum.GetValues<SortOrder>())
        from target in Gen.Elements(Enum.GetValues<SortTarget>())
        from filters in Gen.ArrayOf(s_long, 4)
        select (RequestOp)new RangeOp(new RangeRequest(range)
        {
            Revision = rev, Limit = limit, CountOnly = (flags & 1) != 0, KeysOnly = (flags & 2) != 0,
            SortOrder = order, SortTarget = target,
            MinModRevision = filters[0], MaxModRevision = filters[1], MinCreateRevision = filters[2], MaxCreateRevision = filters[3],
        }),
        from key in s_bytes
        from value in s_bytes
        from lease in s_long
        from flags in Gen.Choose(0, 7)
        select (RequestOp)new PutOp(key, value, new PutOptions
        {
            Lease = lease, PrevKv = (flags & 1) != 0, IgnoreValue = (flags & 2) != 0, IgnoreLease = (flags & 4) != 0,
        }),
        from range in s_range
        from prevKv in Gen.Elements(true, false)
        select (RequestOp)new DeleteRangeOp(range, prevKv));

    private static readonly Gen<TxnRequest> s_txn =
        from compares in Gen.ListOf(s_compare).Select(l => l.Take(4).ToArray())
        from success in Gen.ListOf(s_op).Select(l => l.Take(5).ToArray())
        from failure in Gen.ListOf(s_op).Select(l => l.Take(5).ToArray())
        select new TxnRequest(compares, success, failure);

    private static byte[] Encode(TxnRequest txn)
    {
        var buffer = new ArrayBufferWriter<byte>();
        TxnCodec.Encode(txn, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    [Property(MaxTest = 1000)]
    public Property EncodeThenDecode_AnyTransaction_IsTheSameTransaction() =>
        Prop.ForAll(s_txn.ToArbitrary(), txn =>
        {
            TxnRequest decoded = TxnCodec.Decode(Encode(txn));
            // Records compare memory by reference: compare the encodings, which cover every field.
            return Encode(decoded).AsSpan().SequenceEqual(Encode(txn))
                && decoded.Compares.Count == txn.Compares.Count
                && decoded.Success.Count == txn.Success.Count
                && decoded.Failure.Count == txn.Failure.Count;
        });

    [Fact]
    public void Decode_KeysAndValues_AreSlicesOfThePayload()
    {
        byte[] payload = Encode(new TxnRequest([], [new PutOp(new byte[] { 1, 2, 3 }, new byte[] { 4, 5 })], []));
        var put = (PutOp)TxnCodec.Decode(payload).Success[0];
        Assert.True(MemoryMarshal.TryGetArray(put.Key, out ArraySegment<byte> key));
        Assert.Same(payload, key.Array);
        Assert.Equal(new byte[] { 4, 5 }, put.Value.ToArray());
    }

    [Fact]
    public void Encode_PutOnly_IsTheDocumentedLayout()
    {
        byte[] bytes = Encode(new TxnRequest([], [new PutOp(new byte[] { 0x61 }, new byte[] { 0x62 }, new PutOptions { Lease = 7, PrevKv = true })], []));
        // [ [], [ [1, bin "a", bin "b", 7, 1] ], [] ]
        Assert.Equal(new byte[] { 0x93, 0x90, 0x91, 0x95, 0x01, 0xc4, 0x01, 0x61, 0xc4, 0x01, 0x62, 0x07, 0x01, 0x90 }, bytes);
    }

    [Fact]
    public void Decode_MalformedOrTruncated_IsInvalidData()
    {
        byte[] bytes = Encode(new TxnRequest([Compare.Version(new byte[] { 1 }, CompareResult.Equal, 3)], [new DeleteRangeOp(KeyRange.All)], []));
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => TxnCodec.Decode(bytes.AsMemory(0, length)));
        }
        byte[] badEnum = Encode(new TxnRequest([new Compare(KeyRange.All, (CompareTarget)9, CompareResult.Equal, 0, default)], [], []));
        Assert.Throws<InvalidDataException>(() => TxnCodec.Decode(badEnum));
    }
}
