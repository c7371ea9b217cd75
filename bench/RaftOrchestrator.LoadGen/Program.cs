using RaftOrchestrator.LoadGen;

// ro-loadgen: one etcd v3 load generator for etcd and rorch alike. See bench/README.md.
return await LoadGenCli.Build().Parse(args).InvokeAsync();
