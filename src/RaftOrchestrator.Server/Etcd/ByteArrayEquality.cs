namespace RaftOrchestrator.Server.Etcd;

/// <summary>Content equality of byte arrays, for sets of keys.</summary>
internal sealed class ByteArrayEquality : IEqualityComparer<byte[]>
{
    public static ByteArrayEquality Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
