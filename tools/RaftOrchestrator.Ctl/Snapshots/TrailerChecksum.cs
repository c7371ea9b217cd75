using System.Security.Cryptography;

namespace RaftOrchestrator.Ctl.Snapshots;

/// <summary>
/// Checks a backup as it streams past: a backup ends with the SHA-256 of everything before it (the shape
/// etcdctl checks). The stream's length is unknown until it ends, so the last 32 bytes seen are held back from
/// the hash; when the stream ends they are the trailer to compare with.
/// </summary>
internal sealed class TrailerChecksum : IDisposable
{
    private const int TrailerSize = 32;

    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _tail = new byte[TrailerSize];
    private int _tailLength;

    public void Append(ReadOnlySpan<byte> data)
    {
        int total = _tailLength + data.Length;
        if (total <= TrailerSize)
        {
            data.CopyTo(_tail.AsSpan(_tailLength));
            _tailLength = total;
            return;
        }
        // The first `release` bytes of tail + data are no longer among the last 32: hash them, keep the rest.
        int release = total - TrailerSize;
        int fromTail = Math.Min(release, _tailLength);
        int fromData = release - fromTail;
        _sha.AppendData(_tail, 0, fromTail);
        _sha.AppendData(data[..fromData]);
        int keptTail = _tailLength - fromTail;
        _tail.AsSpan(fromTail, keptTail).CopyTo(_tail);
        data[fromData..].CopyTo(_tail.AsSpan(keptTail));
        _tailLength = TrailerSize;
    }

    /// <summary>True when what was appended ends with the SHA-256 of what came before it. Call once, at the end.</summary>
    public bool Matches() => _tailLength == TrailerSize && _sha.GetHashAndReset().AsSpan().SequenceEqual(_tail);

    public void Dispose() => _sha.Dispose();
}
