namespace RaftOrchestrator.Ctl.Cli;

/// <summary>
/// A command that cannot do what was asked, with the message for the operator and the exit code
/// (<see cref="ExitCodes.Usage"/> for arguments the parser accepted but the command cannot use).
/// </summary>
internal sealed class CommandException : Exception
{
    private CommandException(string message, int exitCode)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static CommandException Usage(string message) => new(message, ExitCodes.Usage);

    public static CommandException Failed(string message) => new(message, ExitCodes.Failed);
}
