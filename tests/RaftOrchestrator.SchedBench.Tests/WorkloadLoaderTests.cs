namespace RaftOrchestrator.SchedBench.Tests;

public sealed class WorkloadLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ro-schedbench-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string yaml)
    {
        string path = Path.Combine(_dir, "w.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void Load_TheShippedFile_HasTheBriefsCasesAndOnlyPublishedFigures()
    {
        IReadOnlyList<WorkloadCase> cases = WorkloadLoader.Load(Path.Combine(AppContext.BaseDirectory, "scheduler-workloads.yaml"));

        Dictionary<string, double?> figures = cases.ToDictionary(c => c.Name, c => c.KubeScheduler?.PodsPerSecond);
        Assert.Equal(680, figures["basic-5000n-10kp"]);
        Assert.Equal(810, figures["basic-5000n-50kp"]);
        Assert.Null(figures["node-affinity-5000n-10kp"]);
        Assert.Null(figures["pod-anti-affinity-5000n-10kp"]);
        Assert.Null(figures["topology-spread-5000n-10kp"]);
        WorkloadCase anti = cases.Single(c => c.Name == "pod-anti-affinity-5000n-10kp");
        Assert.Equal((5000, 10000, 4), (anti.Nodes.Count, anti.Pods.Count, anti.Pods.Groups));
        Assert.Equal("4", cases.Single(c => c.Name == "basic-5000n-10kp").Nodes.Allocatable["cpu"].Text);
    }

    [Fact]
    public void Load_AnUnknownCaseField_IsAnError()
    {
        string path = Write("""
            cases:
              - name: a
                nodes: { count: 1 }
                pods: { count: 1, template: { spec: { containers: [ { name: c, image: i } ] } } }
                timeoutSecs: 5
            """);

        ArgumentException e = Assert.Throws<ArgumentException>(() => WorkloadLoader.Load(path));
        Assert.Contains("timeoutSecs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AnUnknownPodTemplateField_IsAnError()
    {
        string path = Write("""
            cases:
              - name: a
                nodes: { count: 1 }
                pods: { count: 1, template: { spec: { containerz: [] } } }
            """);

        ArgumentException e = Assert.Throws<ArgumentException>(() => WorkloadLoader.Load(path));
        Assert.Contains("pods.template", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZeroPods_IsAnError()
    {
        string path = Write("""
            cases:
              - name: a
                nodes: { count: 1 }
                pods: { count: 0, template: {} }
            """);

        Assert.Throws<ArgumentException>(() => WorkloadLoader.Load(path));
    }
}
