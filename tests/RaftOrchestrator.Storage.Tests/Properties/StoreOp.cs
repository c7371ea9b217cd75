namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>
/// One step of a generated scenario. Revisions inside are <see cref="RevisionPick"/>s resolved when the
/// step runs, so removing steps (shrinking) never makes a scenario invalid. ToString is a readable
/// reproduction of the step.
/// </summary>
internal abstract record StoreOp;
