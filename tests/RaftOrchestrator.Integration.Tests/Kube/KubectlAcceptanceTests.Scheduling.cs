namespace RaftOrchestrator.Integration.Tests.Kube;

public abstract partial class KubectlAcceptanceTests<TFixture>
{
    [Fact]
    public async Task PriorityClasses_GetByShortName_AndPodsResolveTheirPriority()
    {
        const string Manifest = """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: kubectl-batch
            value: 1000
            preemptionPolicy: Never
            description: batch work
            """;
        string ns = await NewNamespaceAsync("prio-kubectl");
        string Pod(string name, string className) =>
            $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  priorityClassName: {className}\n  containers:\n  - name: c\n    image: busybox\n";

        string created = await K.OkWithInputAsync(Manifest, "create", "-f", "-");
        string table = await K.OkAsync("get", "pc");
        await K.OkWithInputAsync(Pod("batch", "kubectl-batch"), "create", "-f", "-");
        string priority = await K.OkAsync("get", "pod", "batch", "-n", ns, "-o", "jsonpath={.spec.priority}/{.spec.preemptionPolicy}");
        string unknown = await K.FailsWithInputAsync(Pod("lost", "kubectl-missing"), "create", "-f", "-");
        string system = await K.FailsAsync("delete", "priorityclass", "system-node-critical");

        Assert.Contains("priorityclass.scheduling.k8s.io/kubectl-batch created", created, StringComparison.Ordinal);
        Assert.Matches(@"NAME\s+VALUE\s+GLOBAL-DEFAULT\s+AGE\s+PREEMPTIONPOLICY\s*\n", table);
        Assert.Matches(@"\nkubectl-batch\s+1000\s+false\s+\d+s\s+Never", table);
        Assert.Matches(@"\nsystem-cluster-critical\s+2000000000\s+false\s+\S+\s+PreemptLowerPriority", table);
        Assert.Matches(@"\nsystem-node-critical\s+2000001000\s+false\s+\S+\s+PreemptLowerPriority", table);
        Assert.Equal("1000/Never", priority);
        Assert.Contains("Error from server (Forbidden)", unknown, StringComparison.Ordinal);
        Assert.Contains("pods \"lost\" is forbidden: no PriorityClass with name kubectl-missing was found", unknown, StringComparison.Ordinal);
        Assert.Contains("this is a system priority class and cannot be deleted", system, StringComparison.Ordinal);
    }
}
