using RaftOrchestrator.E2EBench;

// ro-e2ebench: the end-to-end pods/s benchmark of a rorch cluster with simulated nodes. See bench/README.md.
return await E2EBenchCli.Build().Parse(args).InvokeAsync();
