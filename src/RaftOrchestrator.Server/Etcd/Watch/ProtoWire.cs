namespace RaftOrchestrator.Server.Etcd.Watch;

/// <summary>
/// The few protobuf wire primitives the hand-written watch encoding needs (varints, tags, length-delimited
/// fields). Int64 fields are written as two's-complement varints (10 bytes when negative), as protobuf does.
/// </summary>
internal static class ProtoWire
{
    public const int VarintType = 0;

    public const int LengthDelimitedType = 2;

    public static int VarintSize(ulong value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    public static int TagSize(int field) => VarintSize((ulong)(field << 3));

    public static int WriteVarint(Span<byte> destination, ulong value)
    {
        int i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }

    public static int WriteTag(Span<byte> destination, int field, int wireType) =>
        WriteVarint(destination, (ulong)((field << 3) | wireType));

    /// <summary>Size of a varint field, 0 when the value is the default (proto3 omits it).</summary>
    public static int VarintFieldSize(int field, ulong value) => value == 0 ? 0 : TagSize(field) + VarintSize(value);

    public static int BytesFieldSize(int field, int length) => length == 0 ? 0 : TagSize(field) + VarintSize((ulong)length) + length;

    public static int MessageFieldSize(int field, int length) => TagSize(field) + VarintSize((ulong)length) + length;

    public static int WriteVarintField(Span<byte> destination, int field, ulong value)
    {
        if (value == 0)
        {
            return 0;
        }
        int n = WriteTag(destination, field, VarintType);
        return n + WriteVarint(destination[n..], value);
    }

    public static int WriteBytesField(Span<byte> destination, int field, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return 0;
        }
        int n = WriteLengthPrefix(destination, field, bytes.Length);
        bytes.CopyTo(destination[n..]);
        return n + bytes.Length;
    }

    /// <summary>Tag and length of a length-delimited field whose body the caller writes next.</summary>
    public static int WriteLengthPrefix(Span<byte> destination, int field, int length)
    {
        int n = WriteTag(destination, field, LengthDelimitedType);
        return n + WriteVarint(destination[n..], (ulong)length);
    }
}
