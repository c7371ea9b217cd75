namespace RaftOrchestrator.Integration.Tests.Kube;

public abstract partial class KubectlAcceptanceTests<TFixture>
{
    [Fact]
    public async Task EndpointSlice_CreateAndGet_PrintsKubernetesTable()
    {
        const string Manifest = """
            apiVersion: discovery.k8s.io/v1
            kind: EndpointSlice
            metadata:
              name: manual-abc12
              labels: {kubernetes.io/service-name: manual}
            addressType: IPv4
            endpoints:
            - addresses: [10.244.0.7]
              conditions: {ready: true}
            - addresses: [10.244.0.8]
            ports:
            - name: http
              port: 8080
            """;

        string created = await K.OkWithInputAsync(Manifest, "create", "-f", "-");
        string table = await K.OkAsync("get", "endpointslices", "manual-abc12");
        string protocol = await K.OkAsync("get", "endpointslice", "manual-abc12", "-o", "jsonpath={.ports[0].protocol}");
        string invalid = await K.FailsWithInputAsync(Manifest.Replace("10.244.0.8", "127.0.0.1", StringComparison.Ordinal).Replace("manual-abc12", "manual-bad", StringComparison.Ordinal), "create", "-f", "-");

        Assert.Contains("endpointslice.discovery.k8s.io/manual-abc12 created", created, StringComparison.Ordinal);
        Assert.Matches(@"NAME\s+ADDRESSTYPE\s+PORTS\s+ENDPOINTS\s+AGE\s*\nmanual-abc12\s+IPv4\s+8080\s+10\.244\.0\.7,10\.244\.0\.8\s+\d+s", table);
        Assert.Equal("TCP", protocol);
        Assert.Contains("endpoints[1].addresses[0]: Invalid value: \"127.0.0.1\": may not be in the loopback range", invalid, StringComparison.Ordinal);
    }
}
