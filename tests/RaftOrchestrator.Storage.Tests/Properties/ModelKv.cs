namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>One version of one key as the model (and the comparison) sees it; key and value are Latin-1 text.</summary>
internal sealed record ModelKv(string Key, string Value, long CreateRevision, long ModRevision, long Version, long Lease)
{
    public override string ToString() =>
        $"{{{KeySpace.Quote(Key)}={KeySpace.Quote(Value)} create {CreateRevision} mod {ModRevision} ver {Version} lease {Lease}}}";
}
