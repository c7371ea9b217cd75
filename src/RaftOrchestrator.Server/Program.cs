using RaftOrchestrator.Server.Cli;

return await RorchCommand.Build().Parse(args).InvokeAsync();
