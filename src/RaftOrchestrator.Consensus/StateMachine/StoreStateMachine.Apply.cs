using RaftOrchestrator.Consensus.Commands;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Consensus.StateMachine;

internal sealed partial class StoreStateMachine
{
    /// <summary>
    /// Applies one entry of ours (<see cref="EntryHeader"/>). A duplicate proposal is skipped whole. A
    /// malformed entry or an unknown command without the ignore bit is <see cref="InvalidDataException"/>:
    /// applying the rest would diverge from the replicas that understand it, so the replica must stop.
    /// </summary>
    private void Apply(long index, ReadOnlyMemory<byte> entry)
    {
        if (!EntryHeader.TryRead(entry.Span, out EntryHeader header))
        {
            throw new InvalidDataException($"Log entry {index} is {entry.Length} bytes: too short for an entry header.");
        }
        if (!_state.Duplicates.TryAccept(header.RequestId, header.Floor, index))
        {
            return;
        }
        bool local = header.RequestId.ClientId == _observer.LocalClientId && !header.RequestId.IsNone;
        CommandResult[]? results = local ? new CommandResult[header.CommandCount] : null;
        var commands = new EntryCommands(entry, header);
        for (int i = 0; commands.MoveNext(); i++)
        {
            CommandResult result = ApplyCommand(index, commands.Current, commands.Payload);
            if (results is not null)
            {
                results[i] = result;
            }
        }
        if (results is not null)
        {
            _observer.OnLocalApplied(header.RequestId.Sequence, results);
        }
    }

    private CommandResult ApplyCommand(long index, CommandEnvelope envelope, ReadOnlyMemory<byte> payload)
    {
        KvStore kv = _hub.Kv;
        byte expectedVersion = envelope.Type == CommandType.Txn ? TxnCodec.FormatVersion : SmallCommands.FormatVersion;
        if (!Enum.IsDefined(envelope.Type) || envelope.FormatVersion != expectedVersion)
        {
            if (envelope.IgnoreIfUnknown)
            {
                return new CommandResult(StoreStatus.Ok, kv.CurrentRevision);
            }
            throw new InvalidDataException(
                $"Log entry {index} holds command type {envelope.Type} version {envelope.FormatVersion}, unknown to this build.");
        }
        switch (envelope.Type)
        {
            case CommandType.Txn:
                TxnResult txn = kv.Txn(TxnCodec.Decode(payload));
                return new CommandResult(txn.Status, txn.Revision, txn);
            case CommandType.Compact:
                StoreStatus compacted = kv.Compact(SmallCommands.DecodeCompact(payload));
                return new CommandResult(compacted, kv.CurrentRevision);
            case CommandType.LeaseGrant:
                (long id, long ttl) = SmallCommands.DecodeLeaseGrant(payload);
                StoreStatus granted = kv.GrantLease(id, ttl);
                if (granted == StoreStatus.Ok)
                {
                    _observer.OnLeaseGranted(id, ttl);
                }
                return new CommandResult(granted, kv.CurrentRevision);
            case CommandType.LeaseRevoke:
                long revoked = SmallCommands.DecodeLeaseRevoke(payload);
                DeleteRangeResult deleted = kv.RevokeLease(revoked);
                _state.ForgetLease(revoked);
                _observer.OnLeaseRevoked(revoked);
                return new CommandResult(deleted.Status, kv.CurrentRevision);
            case CommandType.LeaseCheckpoint:
                _state.Checkpoint(SmallCommands.DecodeLeaseCheckpoint(payload));
                return new CommandResult(StoreStatus.Ok, kv.CurrentRevision);
            case CommandType.MemberAttributes:
                _state.SetMember(SmallCommands.DecodeMemberAttributes(payload));
                return new CommandResult(StoreStatus.Ok, kv.CurrentRevision);
            case CommandType.MemberForget:
                _state.ForgetMember(SmallCommands.DecodeMemberForget(payload));
                return new CommandResult(StoreStatus.Ok, kv.CurrentRevision);
            default:
                throw new InvalidDataException($"Log entry {index}: command type {envelope.Type} has no applier.");
        }
    }
}
