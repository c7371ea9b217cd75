namespace RaftOrchestrator.Testing;

/// <summary>What the cluster does to every kind's store at once; called with the cluster's lock held.</summary>
internal interface IStoreControl
{
    int OpenWatches { get; }

    void Compact(long revision);

    void CloseWatches();

    void SendBookmarks(long revision);
}
