namespace RaftOrchestrator.Client.Informers;

/// <summary>What the factory needs of an informer whatever its kind.</summary>
internal interface IRunnableInformer
{
    Task RunAsync(CancellationToken cancellationToken);

    Task<bool> WaitForSyncAsync(CancellationToken cancellationToken);
}
