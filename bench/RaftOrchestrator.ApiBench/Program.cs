using RaftOrchestrator.ApiBench;

// ro-apibench: a macro benchmark of the Kubernetes API of a 3-replica rorch cluster. See bench/README.md.
return await ApiBenchCli.Build().Parse(args).InvokeAsync();
