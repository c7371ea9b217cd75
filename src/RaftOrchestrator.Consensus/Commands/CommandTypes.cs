namespace RaftOrchestrator.Consensus.Commands;

/// <summary>Bits of the type byte besides the <see cref="CommandType"/> itself.</summary>
public static class CommandTypes
{
    /// <summary>Set on a command an older replica may skip without diverging (e.g. a pure hint or a metric).</summary>
    public const byte IgnoreIfUnknown = 0x80;

    public const byte TypeMask = 0x7f;
}
