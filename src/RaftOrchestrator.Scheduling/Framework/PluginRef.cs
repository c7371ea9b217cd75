namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// One plugin of a profile: its registered name, its score weight (ignored unless it scores; kube-scheduler
/// treats 0 as 1) and its typed args (null: the plugin's defaults).
/// </summary>
public sealed record PluginRef(string Name, int Weight = 1, object? Args = null);
