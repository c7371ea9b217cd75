using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Agent.Statuses;
using RaftOrchestrator.Api.Core;

namespace RaftOrchestrator.Agent.Tests.Statuses;

public sealed class PodPhasesTests
{
    private static readonly DateTimeOffset s_at = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A container: "new" (never created), "run", "ok" (exited 0), "err" (exited 1), "loop" (waiting after exit 1), "held" (waiting, never ran).</summary>
    private static ContainerView C(string state, string name = "c")
    {
        ContainerStatusInfo Info(ContainerRunState s, int? code) => new("id-" + name, "sb", name, 0, s, s_at, s_at, code is null ? null : s_at, code, null, null, "img", "log");
        var spec = new Container { Name = name };
        return state switch
        {
            "new" => new ContainerView(spec, null, null, 0, null, null, false, false),
            "run" => new ContainerView(spec, Info(ContainerRunState.Running, null), null, 0, null, null, true, true),
            "ok" => new ContainerView(spec, Info(ContainerRunState.Exited, 0), null, 0, null, null, false, false),
            "err" => new ContainerView(spec, Info(ContainerRunState.Exited, 1), null, 0, null, null, false, false),
            "loop" => new ContainerView(spec, Info(ContainerRunState.Exited, 1), null, 1, "CrashLoopBackOff", "back-off", false, false),
            "held" => new ContainerView(spec, null, null, 0, "CreateContainerConfigError", "nope", false, false),
            _ => throw new ArgumentException(state),
        };
    }

    private static string Phase(string policy, string init, string containers, bool terminal = false) => PodPhases.Of(new PodView(
        new Pod { Spec = new PodSpec { RestartPolicy = policy } },
        true, "10.0.0.1", "192.0.2.1", s_at.UtcDateTime,
        [.. init.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((s, i) => C(s, $"i{i}"))],
        [.. containers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((s, i) => C(s, $"c{i}"))],
        terminal, "process"));

    [Theory]
    [InlineData("Always", "", "new", "Pending")]
    [InlineData("Always", "", "held", "Pending")]
    [InlineData("Always", "", "run", "Running")]
    [InlineData("Always", "", "run new", "Pending")]
    [InlineData("Always", "", "ok", "Running")]
    [InlineData("Always", "", "loop", "Running")]
    [InlineData("Always", "", "run err", "Running")]
    [InlineData("OnFailure", "", "ok ok", "Succeeded")]
    [InlineData("OnFailure", "", "ok err", "Running")]
    [InlineData("Never", "", "ok err", "Failed")]
    [InlineData("Never", "", "ok ok", "Succeeded")]
    [InlineData("Never", "", "run err", "Running")]
    [InlineData("Always", "run", "new", "Pending")]
    [InlineData("Always", "ok new", "new", "Pending")]
    [InlineData("Always", "err", "new", "Pending")]
    [InlineData("Always", "loop", "new", "Pending")]
    [InlineData("Never", "err", "new", "Failed")]
    [InlineData("Never", "ok", "run", "Running")]
    public void Of_KubeletRules(string policy, string init, string containers, string expected) => Assert.Equal(expected, Phase(policy, init, containers));

    [Theory]
    [InlineData("ok ok", "Succeeded")]
    [InlineData("ok err", "Failed")]
    [InlineData("new", "Failed")]
    [InlineData("loop", "Failed")]
    public void Of_Terminal_SucceededOnlyWhenAllExitedZero(string containers, string expected) =>
        Assert.Equal(expected, Phase("Always", "", containers, terminal: true));
}
