using RaftOrchestrator.Chaos.Runner;

// ro-chaos: the chaos suite's runner. See chaos/README.md.
return await RunnerCli.Build(Console.Out).Parse(args).InvokeAsync();
