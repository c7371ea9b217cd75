namespace RaftOrchestrator.Consensus.Commands;

/// <summary>
/// Walks the commands of one log entry without copying: each <see cref="Payload"/> is a slice of the entry.
/// A command that does not fit in what is left of the entry is <see cref="InvalidDataException"/>.
/// </summary>
public struct EntryCommands
{
    private readonly ReadOnlyMemory<byte> _entry;
    private int _remaining;
    private int _offset;

    /// <summary>Starts after the <see cref="EntryHeader"/> of <paramref name="entry"/>.</summary>
    public EntryCommands(ReadOnlyMemory<byte> entry, EntryHeader header)
    {
        _entry = entry;
        _remaining = header.CommandCount;
        _offset = EntryHeader.HeaderSize;
        Current = default;
        Payload = default;
    }

    public CommandEnvelope Current { get; private set; }

    public ReadOnlyMemory<byte> Payload { get; private set; }

    public bool MoveNext()
    {
        if (_remaining == 0)
        {
            if (_offset != _entry.Length)
            {
                throw new InvalidDataException($"Log entry has {_entry.Length - _offset} bytes after its last command.");
            }
            return false;
        }
        if (!CommandEnvelope.TryRead(_entry.Span[_offset..], out CommandEnvelope envelope)
            || envelope.PayloadLength > _entry.Length - _offset - CommandEnvelope.HeaderSize)
        {
            throw new InvalidDataException($"Log entry is truncated: {_remaining} commands announced past byte {_offset}.");
        }
        _offset += CommandEnvelope.HeaderSize;
        Current = envelope;
        Payload = _entry.Slice(_offset, envelope.PayloadLength);
        _offset += envelope.PayloadLength;
        _remaining--;
        return true;
    }
}
