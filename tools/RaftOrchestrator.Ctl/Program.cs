using RaftOrchestrator.Ctl.Cli;
using RaftOrchestrator.Ctl.Output;

var console = new CtlConsole(Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected);
return await RoctlCli.RunAsync(args, console, TimeProvider.System, CancellationToken.None);
