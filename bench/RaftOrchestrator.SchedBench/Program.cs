using RaftOrchestrator.SchedBench;

// ro-schedbench: scheduler_perf-style pods-bound-per-second benchmark of a rorch cluster. See bench/README.md.
return await SchedBenchCli.Build().Parse(args).InvokeAsync();
