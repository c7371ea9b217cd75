namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// Every change above the compaction point in revision order: the role of etcd's revision-keyed bbolt
/// bucket, from which unsynced watchers catch up and snapshots are written. An entry is only a reference
/// to the changed key's <see cref="KeyIndex"/>; the version itself is found there by its revision.
/// Revision (m, s) is entry <c>MainStart(m) + s</c>. Every main revision has at least one change:
/// a transaction that changes nothing does not take a revision.
///
/// Threading: appended and trimmed by the writer under the store's write lock, read under the read lock.
/// </summary>
internal sealed class RevisionLog
{
    private readonly ChunkedList<KeyIndex> _entries = new();
    /// <summary>Position in <see cref="_entries"/> of sub-revision 0 of main revision FirstMain + i.</summary>
    private readonly ChunkedList<long> _mainStarts = new();

    public RevisionLog(long firstMain) => FirstMain = firstMain;

    /// <summary>The main revision of <c>_mainStarts[0]</c>: one above the store's revision when the log was created.</summary>
    public long FirstMain { get; }

    /// <summary>The newest main revision in the log, or FirstMain - 1 if none.</summary>
    public long LastMain => FirstMain + _mainStarts.End - 1;

    /// <summary>The oldest main revision still held.</summary>
    public long OldestMain => FirstMain + _mainStarts.Start;

    public long EntryCount => _entries.Count;

    /// <summary>Records change <c>sub</c> of main revision <paramref name="main"/>; subs arrive in order from 0.</summary>
    public void Append(long main, int sub, KeyIndex key)
    {
        if (sub == 0 ? main != LastMain + 1 : main != LastMain || _mainStarts.Count == 0 || sub != _entries.End - _mainStarts[_mainStarts.End - 1])
        {
            throw new InvalidOperationException($"Revision log: change {main}.{sub} does not follow {LastMain}.");
        }
        if (sub == 0)
        {
            _mainStarts.Add(_entries.End);
        }
        _entries.Add(key);
    }

    /// <summary>Drops the changes of every main revision below <paramref name="main"/>.</summary>
    public void TrimBefore(long main)
    {
        long keep = Math.Clamp(main - FirstMain, _mainStarts.Start, _mainStarts.End);
        long entryPosition = keep < _mainStarts.End ? _mainStarts[keep] : _entries.End;
        _mainStarts.TrimBefore(keep);
        _entries.TrimBefore(entryPosition);
    }

    /// <summary>Positions [Start, End) of the changes held below main revision <paramref name="main"/>; stable until trimmed.</summary>
    public (long Start, long End) PositionsBefore(long main)
    {
        long keep = Math.Clamp(main - FirstMain, _mainStarts.Start, _mainStarts.End);
        return (_entries.Start, keep < _mainStarts.End ? _mainStarts[keep] : _entries.End);
    }

    /// <summary>The key changed at <paramref name="position"/>.</summary>
    public KeyIndex KeyAt(long position) => _entries[position];

    /// <summary>The changes of main revisions [fromMain, toMain] still held, in revision order.</summary>
    public Changes Between(long fromMain, long toMain)
    {
        fromMain = Math.Max(fromMain, OldestMain);
        toMain = Math.Min(toMain, LastMain);
        return new Changes(this, fromMain, toMain);
    }

    /// <summary>Iterates changes in revision order. Invalidated by any write to the log.</summary>
    public struct Changes
    {
        private readonly RevisionLog _log;
        private readonly long _toMain;
        private long _main;
        private long _position;
        private long _mainEnd;

        internal Changes(RevisionLog log, long fromMain, long toMain)
        {
            _log = log;
            _toMain = toMain;
            _main = fromMain - 1;
            _position = 0;
            _mainEnd = 0;
            Current = default;
            CurrentKey = null!;
        }

        public Revision Current { get; private set; }

        public KeyIndex CurrentKey { get; private set; }

        public bool MoveNext()
        {
            while (_position >= _mainEnd)
            {
                if (++_main > _toMain)
                {
                    return false;
                }
                long i = _main - _log.FirstMain;
                _position = _log._mainStarts[i];
                _mainEnd = _main == _log.LastMain ? _log._entries.End : _log._mainStarts[i + 1];
                Current = new Revision(_main, -1);
            }
            Current = new Revision(_main, Current.Sub + 1);
            CurrentKey = _log._entries[_position++];
            return true;
        }
    }
}
