namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>A put (an empty key is invalid); lease 0 means none. IgnoreValue / IgnoreLease keep the key's current ones.</summary>
internal sealed record PutStoreOp(
    string Key, string Value, long Lease, bool PrevKv, bool IgnoreValue = false, bool IgnoreLease = false) : StoreOp
{
    public override string ToString() =>
        $"Put({KeySpace.Quote(Key)}, {KeySpace.Quote(Value)}{(Lease != 0 ? $", lease {Lease}" : "")}{(PrevKv ? ", prevKv" : "")}"
        + $"{(IgnoreValue ? ", ignoreValue" : "")}{(IgnoreLease ? ", ignoreLease" : "")})";
}
