namespace RaftOrchestrator.Ctl.Cli;

/// <summary>`-w/--output`: a table for people, JSON for scripts.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}
