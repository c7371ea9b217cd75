namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>XORs <see cref="Mask"/> (non-zero) into the byte at PositionSeed modulo the snapshot's length.</summary>
internal sealed record ByteFlip(int PositionSeed, byte Mask)
{
    public int PositionIn(int length) => (int)((uint)PositionSeed % (uint)length);
}
