using System.IO.Hashing;

namespace RaftOrchestrator.Storage.Snapshots;

/// <summary>
/// Reads snapshot fields from a stream it does not own (see <see cref="SnapshotFormat"/>), buffering reads
/// and hashing exactly the bytes consumed, so the checksum can be compared before the trailer is read.
/// Truncation and absurd lengths are <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class SnapshotDecoder(Stream source)
{
    /// <summary>The longest key or value a snapshot may hold; a larger length means corruption.</summary>
    private const int MaxBytesLength = 64 << 20;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly XxHash3 _hash = new();
    private int _position;
    private int _length;
    /// <summary>Bytes of the buffer before this index are already in the hash.</summary>
    private int _hashed;

    /// <summary>The hash of every byte consumed so far.</summary>
    public ulong Hash
    {
        get
        {
            HashConsumed();
            return _hash.GetCurrentHashAsUInt64();
        }
    }

    public byte ReadByte()
    {
        if (_position == _length && !Fill())
        {
            throw Truncated();
        }
        return _buffer[_position++];
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            result |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw new InvalidDataException("Snapshot: malformed varint.");
    }

    public long ReadInt64() => (long)ReadVarint();

    public byte[] ReadBytes()
    {
        ulong length = ReadVarint();
        if (length > MaxBytesLength)
        {
            throw new InvalidDataException($"Snapshot: a field of {length} bytes is larger than allowed.");
        }
        byte[] bytes = new byte[length];
        ReadExactly(bytes);
        return bytes;
    }

    public void ReadExactly(Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_position == _length && !Fill())
            {
                throw Truncated();
            }
            int n = Math.Min(destination.Length, _length - _position);
            _buffer.AsSpan(_position, n).CopyTo(destination);
            _position += n;
            destination = destination[n..];
        }
    }

    private bool Fill()
    {
        HashConsumed();
        _position = _hashed = 0;
        _length = source.Read(_buffer);
        return _length > 0;
    }

    private void HashConsumed()
    {
        _hash.Append(_buffer.AsSpan(_hashed, _position - _hashed));
        _hashed = _position;
    }

    private static InvalidDataException Truncated() => new("Snapshot: truncated.");
}
