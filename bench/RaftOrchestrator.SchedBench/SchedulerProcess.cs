
namespace RaftOrchestrator.SchedBench;

/// <summary>The backlog mode's `rorch scheduler`: every replica's API, the run's binder, no leader election.</summary>
internal static class SchedulerProcess
{
    public static RorchProcess Start(string rorchDll, IEnumerable<Uri> servers, string binder, string directory) =>
        RorchProcess.Start(rorchDll, ["scheduler", "--server", RorchProcess.Servers(servers), "--binder", binder, "--leader-elect", "false"],
            directory, "scheduler.log");
}
