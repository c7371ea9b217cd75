using System.Globalization;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// A register's value (null when absent) and its mod revision: 0 when absent, <see cref="UnknownRevision"/> after a
/// write whose revision was not recorded (an unknown-outcome put), until a read reports it.
/// </summary>
internal readonly record struct RegisterState(string? Value, long ModRevision)
{
    public const long UnknownRevision = -1;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"value={Value ?? "∅"} modrev={(ModRevision == UnknownRevision ? "?" : ModRevision.ToString(CultureInfo.InvariantCulture))}");
}
