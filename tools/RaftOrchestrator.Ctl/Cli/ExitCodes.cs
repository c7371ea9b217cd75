namespace RaftOrchestrator.Ctl.Cli;

/// <summary>roctl's exit codes, for scripts: 0 done (or healthy), 1 failed (or unhealthy), 2 bad arguments.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    public const int Failed = 1;

    public const int Usage = 2;
}
