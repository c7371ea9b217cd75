namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// A watch event as the model derives it from history: revision (main.sub), the version written (for a
/// delete: key and mod revision only) and the live version it replaced, if any.
/// </summary>
internal sealed record ModelEvent(long Main, int Sub, bool IsDelete, ModelKv Kv, ModelKv? PrevKv)
{
    public override string ToString() =>
        $"{(IsDelete ? "DELETE" : "PUT")}@{Main}.{Sub} {Kv} prev {(PrevKv is null ? "none" : PrevKv.ToString())}";
}
