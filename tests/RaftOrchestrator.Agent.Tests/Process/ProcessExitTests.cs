using RaftOrchestrator.Agent.Process;

namespace RaftOrchestrator.Agent.Tests.Process;

public sealed class ProcessExitTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(0x0000, 0, null, 0)]
    [InlineData(0x0300, 3, null, 3)]
    [InlineData(0xff00, 255, null, 255)]
    [InlineData(0x0009, null, 9, 137)]
    [InlineData(0x000f, null, 15, 143)]
    [InlineData(0x008b, null, 11, 139)]
    public void FromWaitStatus_ExitOrSignal_AnswersTheKubeletsExitCode(int status, int? exitStatus, int? signal, int exitCode)
    {
        ProcessExit exit = ProcessExit.FromWaitStatus(status, At);

        Assert.Equal((exitStatus, signal, exitCode), (exit.Status, exit.Signal, exit.ExitCode));
        Assert.False(exit.IsLost);
    }

    [Fact]
    public void Lost_HasNoExitCode()
    {
        Assert.True(ProcessExit.Lost(At).IsLost);
        Assert.Null(ProcessExit.Lost(At).ExitCode);
    }
}
