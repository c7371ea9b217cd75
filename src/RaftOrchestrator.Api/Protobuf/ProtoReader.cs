using System.Buffers.Binary;

namespace RaftOrchestrator.Api.Protobuf;

/// <summary>
/// Reads protobuf wire format from a span. Every read checks the bounds and reports failure as false with
/// <see cref="Error"/> set; nothing throws and every loop consumes at least one byte, so any input ends.
/// </summary>
internal ref struct ProtoReader
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        Error = null;
    }

    public readonly bool End => _position >= _data.Length;

    public string? Error { get; private set; }

    public bool TryReadTag(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (!TryReadVarint(out ulong tag))
        {
            return false;
        }
        if (tag >> 3 is 0 or > int.MaxValue >> 2)
        {
            return Fail($"invalid field number {tag >> 3}");
        }
        field = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                return Fail("unexpected end of data in a varint");
            }
            byte b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                return Fail("varint overflows 64 bits");
            }
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }
        return Fail("varint overflows 64 bits");
    }

    public bool TryReadFixed64(out ulong value)
    {
        value = 0;
        if (_data.Length - _position < 8)
        {
            return Fail("unexpected end of data in a fixed64");
        }
        value = BinaryPrimitives.ReadUInt64LittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return true;
    }

    public bool TryReadBytes(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryReadVarint(out ulong length))
        {
            return false;
        }
        if (length > (ulong)(_data.Length - _position))
        {
            return Fail($"length {length} runs past the end of the data");
        }
        bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }

    /// <summary>Skips an unknown field. Groups (wire types 3 and 4, unused by Kubernetes) are malformed here.</summary>
    public bool TrySkip(int wireType)
    {
        switch (wireType)
        {
            case Varint:
                return TryReadVarint(out _);
            case Fixed64:
                return TryReadFixed64(out _);
            case LengthDelimited:
                return TryReadBytes(out _);
            case Fixed32:
                if (_data.Length - _position < 4)
                {
                    return Fail("unexpected end of data in a fixed32");
                }
                _position += 4;
                return true;
            default:
                return Fail($"unsupported wire type {wireType}");
        }
    }

    private bool Fail(string message)
    {
        Error = message;
        return false;
    }
}
