using System.Numerics;

namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// Every change above the compaction point in revision order: the role of etcd's revision-keyed bbolt
/// bucket, from which unsynced watchers catch up, compaction finds the keys it must trim and snapshots are
/// written. An entry is only a reference to the changed key's <see cref="KeyIndex"/>; the version itself is
/// found there by its revision. Every main revision has at least one change (a transaction that changes
/// nothing takes no revision), so main revisions are contiguous from <see cref="FirstMain"/>.
///
/// Where main revisions start is kept compactly: one bit per entry marks the first change of each main
/// revision, and the position of every 64th main revision is a checkpoint. Finding main m is a checkpoint
/// read plus a popcount walk over at most 64 starts — about 8.25 bytes per change instead of 16.
///
/// Positions are absolute (the p-th change ever appended) and stable until trimmed. Threading: appended
/// and trimmed by the writer under the store's write lock, read under the read lock.
/// </summary>
internal sealed class RevisionLog
{
    private const int CheckpointShift = 6;
    private const int MainsPerCheckpoint = 1 << CheckpointShift;

    private readonly ChunkedList<KeyIndex> _entries = new();
    /// <summary>Bit p % 64 of word p / 64 is set when entry p is sub-revision 0 of its main revision.</summary>
    private readonly ChunkedList<ulong> _starts = new();
    /// <summary>Entry position of main revision FirstMain + 64 k, for each k.</summary>
    private readonly ChunkedList<long> _checkpoints = new();
    private long _mainCount;
    private long _lastMainStart;

    public RevisionLog(long firstMain)
    {
        FirstMain = firstMain;
        OldestMain = firstMain;
    }

    /// <summary>The first main revision this log was created for: one above the store's revision at creation.</summary>
    public long FirstMain { get; }

    /// <summary>The newest main revision in the log, or FirstMain - 1 if none.</summary>
    public long LastMain => FirstMain + _mainCount - 1;

    /// <summary>The oldest main revision still held.</summary>
    public long OldestMain { get; private set; }

    public long EntryCount => _entries.Count;

    /// <summary>Records change <c>sub</c> of main revision <paramref name="main"/>; subs arrive in order from 0.</summary>
    public void Append(long main, int sub, KeyIndex key)
    {
        long position = _entries.End;
        if (sub == 0 ? main != LastMain + 1 : main != LastMain || _mainCount == 0 || sub != position - _lastMainStart)
        {
            throw new InvalidOperationException($"Revision log: change {main}.{sub} does not follow {LastMain}.");
        }
        if ((position & 63) == 0)
        {
            _starts.Add(0);
        }
        if (sub == 0)
        {
            if (((main - FirstMain) & (MainsPerCheckpoint - 1)) == 0)
            {
                _checkpoints.Add(position);
            }
            _starts[position >> 6] |= 1UL << (int)(position & 63);
            _lastMainStart = position;
            _mainCount++;
        }
        _entries.Add(key);
    }

    /// <summary>Drops the changes of every main revision below <paramref name="main"/>.</summary>
    public void TrimBefore(long main)
    {
        long keep = Math.Clamp(main, OldestMain, LastMain + 1);
        if (keep == OldestMain)
        {
            return;
        }
        long checkpoint = (keep - FirstMain) >> CheckpointShift;
        long entryPosition = keep > LastMain ? _entries.End : StartOf(keep);
        // Lookups of main revisions at or above keep may start from the checkpoint below keep: keep its bits.
        long bitsFrom = checkpoint < _checkpoints.End ? _checkpoints[checkpoint] : entryPosition;
        _entries.TrimBefore(entryPosition);
        _starts.TrimBefore(bitsFrom >> 6);
        _checkpoints.TrimBefore(Math.Min(checkpoint, _checkpoints.End));
        OldestMain = keep;
    }

    /// <summary>Positions [Start, End) of the changes held below main revision <paramref name="main"/>; stable until trimmed.</summary>
    public (long Start, long End) PositionsBefore(long main) =>
        (_entries.Start, main > LastMain ? _entries.End : StartOf(Math.Max(main, OldestMain)));

    /// <summary>The key changed at <paramref name="position"/>.</summary>
    public KeyIndex KeyAt(long position) => _entries[position];

    /// <summary>The changes of main revisions [fromMain, toMain] still held, in revision order.</summary>
    public Changes Between(long fromMain, long toMain)
    {
        fromMain = Math.Max(fromMain, OldestMain);
        toMain = Math.Min(toMain, LastMain);
        return fromMain > toMain ? new Changes(this, 0, 0, 0) : new Changes(this, fromMain, toMain, StartOf(fromMain));
    }

    private bool IsStart(long position) => (_starts[position >> 6] & (1UL << (int)(position & 63))) != 0;

    /// <summary>Entry position of sub-revision 0 of <paramref name="main"/> (held, at most LastMain).</summary>
    private long StartOf(long main)
    {
        long offset = main - FirstMain;
        long position = _checkpoints[offset >> CheckpointShift];
        int skip = (int)(offset & (MainsPerCheckpoint - 1));
        // The skip-th start after the checkpoint (the checkpoint itself is the 0th).
        long word = position >> 6;
        ulong bits = _starts[word] & (~0UL << (int)(position & 63));
        while (true)
        {
            int count = BitOperations.PopCount(bits);
            if (skip < count)
            {
                for (int i = 0; i < skip; i++)
                {
                    bits &= bits - 1;
                }
                return (word << 6) + BitOperations.TrailingZeroCount(bits);
            }
            skip -= count;
            bits = _starts[++word];
        }
    }

    /// <summary>Iterates changes in revision order. Invalidated by any write to the log.</summary>
    public struct Changes
    {
        private readonly RevisionLog? _log;
        private readonly long _toMain;
        private long _position;
        private long _main;
        private int _sub;

        internal Changes(RevisionLog log, long fromMain, long toMain, long start)
        {
            _log = toMain >= fromMain && fromMain > 0 ? log : null;
            _toMain = toMain;
            _main = fromMain;
            _position = start;
            _sub = -1;
            Current = default;
            CurrentKey = null!;
        }

        public Revision Current { get; private set; }

        public KeyIndex CurrentKey { get; private set; }

        public bool MoveNext()
        {
            if (_log is null || _position >= _log._entries.End)
            {
                return false;
            }
            if (_sub >= 0 && _log.IsStart(_position))
            {
                _main++;
                _sub = -1;
            }
            if (_main > _toMain)
            {
                return false;
            }
            _sub++;
            Current = new Revision(_main, _sub);
            CurrentKey = _log._entries[_position++];
            return true;
        }
    }
}
