namespace RaftOrchestrator.Controllers.Namespaces;

/// <summary>One namespaced kind, as the namespace controller empties it.</summary>
internal interface INamespaceContent
{
    /// <summary>
    /// Deletes every object of the kind in <paramref name="namespace"/> that is not already being deleted, then
    /// lists again and reports what is left.
    /// </summary>
    Task<ContentDeletion> DeleteAllAsync(string @namespace, CancellationToken cancellationToken);
}
