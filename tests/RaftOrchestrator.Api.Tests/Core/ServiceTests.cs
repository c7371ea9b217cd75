using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class ServiceTests
{
    private static readonly DateTime s_now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly ServiceResourceStrategy _strategy = new();

    private const string Manifest = """
        {"apiVersion":"v1","kind":"Service",
         "metadata":{"name":"web","namespace":"default","creationTimestamp":"2026-03-01T11:55:00Z","labels":{"app":"web"}},
         "spec":{"ports":[{"name":"http","protocol":"TCP","appProtocol":"http","port":80,"targetPort":"http","nodePort":30080},{"name":"metrics","protocol":"TCP","port":9090,"targetPort":9090,"nodePort":30090}],
           "selector":{"app":"web","tier":"front"},"clusterIP":"10.96.12.7","clusterIPs":["10.96.12.7"],"type":"LoadBalancer","externalIPs":["192.0.2.10"],
           "sessionAffinity":"ClientIP","sessionAffinityConfig":{"clientIP":{"timeoutSeconds":600}},"loadBalancerSourceRanges":["203.0.113.0/24"],
           "externalTrafficPolicy":"Local","healthCheckNodePort":31234,"publishNotReadyAddresses":false,"ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack",
           "allocateLoadBalancerNodePorts":true,"loadBalancerClass":"example.com/lb","internalTrafficPolicy":"Cluster","trafficDistribution":"PreferClose"},
         "status":{"loadBalancer":{"ingress":[{"ip":"198.51.100.4","ipMode":"VIP","ports":[{"port":80,"protocol":"TCP"}]},{"hostname":"lb.example.com"}]},
           "conditions":[{"type":"LoadBalancerReady","status":"True","observedGeneration":2,"lastTransitionTime":"2026-03-01T11:56:00Z","reason":"Provisioned","message":""}]}}
        """;

    private static Service Minimal(params ServicePort[] ports) =>
        new() { Metadata = { Name = "s", Namespace = "default" }, Spec = new ServiceSpec { Ports = [.. ports], Selector = new() { ["app"] = "s" } } };

    private FieldErrorList Validate(Service service)
    {
        var errors = new FieldErrorList();
        _strategy.ApplyDefaults(service);
        _strategy.Validate(service, errors);
        return errors;
    }

    [Fact]
    public void Json_RealisticManifest_DecodesStrictlyAndRoundTrips()
    {
        Service service = ModelJson.AssertRoundTrip<Service>(Manifest);

        Assert.Equal("http", service.Spec!.Ports![0].TargetPort!.Value.StringValue);
        Assert.Equal(9090, service.Spec.Ports[1].TargetPort!.Value.IntValue);
    }

    [Fact]
    public void Validate_RealisticManifest_NoErrors()
    {
        Assert.Empty(Validate(ModelJson.Strict<Service>(Manifest)));
    }

    [Fact]
    public void ApplyDefaults_BareClusterIpService_KubernetesDefaults()
    {
        Service service = Minimal(new ServicePort { Port = 8080 });

        _strategy.ApplyDefaults(service);

        ServiceSpec spec = service.Spec!;
        Assert.Equal("ClusterIP", spec.Type);
        Assert.Equal("None", spec.SessionAffinity);
        Assert.Equal("TCP", spec.Ports![0].Protocol);
        Assert.Equal(IntOrString.FromInt(8080), spec.Ports[0].TargetPort);
        Assert.Equal("Cluster", spec.InternalTrafficPolicy);
        Assert.Equal("SingleStack", spec.IpFamilyPolicy);
        Assert.Null(spec.ExternalTrafficPolicy);
        Assert.Null(spec.AllocateLoadBalancerNodePorts);
    }

    [Fact]
    public void ApplyDefaults_LoadBalancerWithClientIp_PolicyPortsAndTimeout()
    {
        Service service = Minimal(new ServicePort { Port = 443, Protocol = "UDP", TargetPort = IntOrString.FromString("https") });
        service.Spec!.Type = "LoadBalancer";
        service.Spec.SessionAffinity = "ClientIP";

        _strategy.ApplyDefaults(service);

        Assert.Equal("Cluster", service.Spec.ExternalTrafficPolicy);
        Assert.True(service.Spec.AllocateLoadBalancerNodePorts);
        Assert.Equal(10800, service.Spec.SessionAffinityConfig!.ClientIP!.TimeoutSeconds);
        Assert.Equal("UDP", service.Spec.Ports![0].Protocol);
        Assert.Equal("https", service.Spec.Ports[0].TargetPort!.Value.StringValue);
    }

    [Fact]
    public void ApplyDefaults_ExternalNameAndSelectorlessHeadless_FamilyPolicies()
    {
        var external = new Service { Spec = new ServiceSpec { Type = "ExternalName", ExternalName = "db.example.com" } };
        var headless = new Service { Spec = new ServiceSpec { ClusterIP = "None" } };

        _strategy.ApplyDefaults(external);
        _strategy.ApplyDefaults(headless);

        Assert.Null(external.Spec.IpFamilyPolicy);
        Assert.Null(external.Spec.InternalTrafficPolicy);
        Assert.Equal("RequireDualStack", headless.Spec.IpFamilyPolicy);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_InvalidAtPort(int port)
    {
        FieldErrorList errors = Validate(Minimal(new ServicePort { Port = port, TargetPort = 80 }));

        FieldError error = Assert.Single(errors);
        Assert.Equal("spec.ports[0].port", error.Field);
        Assert.Contains("between 1 and 65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoPortsOneUnnamed_NameRequired()
    {
        FieldErrorList errors = Validate(Minimal(new ServicePort { Name = "a", Port = 80 }, new ServicePort { Port = 81 }));

        FieldError error = Assert.Single(errors);
        Assert.Equal(("FieldValueRequired", "spec.ports[1].name"), (error.Type, error.Field));
    }

    [Fact]
    public void Validate_DuplicateNamesAndPorts_Duplicate()
    {
        FieldErrorList errors = Validate(Minimal(new ServicePort { Name = "a", Port = 80 }, new ServicePort { Name = "a", Port = 80 }));

        Assert.Equal(["spec.ports[1].name", "spec.ports[1]"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("FieldValueDuplicate", e.Type));
    }

    [Fact]
    public void Validate_BadProtocolTypeAndTargetPort_EachReported()
    {
        Service service = Minimal(new ServicePort { Port = 80, Protocol = "HTTP", TargetPort = IntOrString.FromString("Not_A_Name") });
        service.Spec!.Type = "Internal";

        FieldErrorList errors = Validate(service);

        Assert.Equal(["spec.type", "spec.ports[0].protocol", "spec.ports[0].targetPort"], errors.Select(e => e.Field));
        Assert.Equal(["FieldValueNotSupported", "FieldValueNotSupported", "FieldValueInvalid"], errors.Select(e => e.Type));
    }

    [Fact]
    public void Validate_NodePortOnClusterIp_Forbidden()
    {
        FieldErrorList errors = Validate(Minimal(new ServicePort { Port = 80, NodePort = 30080 }));

        FieldError error = Assert.Single(errors);
        Assert.Equal(("FieldValueForbidden", "spec.ports[0].nodePort"), (error.Type, error.Field));
    }

    [Fact]
    public void Validate_NoPorts_RequiredUnlessHeadlessOrExternalName()
    {
        Service plain = Minimal();
        Service headless = Minimal();
        headless.Spec!.ClusterIP = "None";
        var external = new Service { Spec = new ServiceSpec { Type = "ExternalName", ExternalName = "db" } };

        Assert.Equal(["spec.ports"], Validate(plain).Select(e => e.Field));
        Assert.Empty(Validate(headless));
        Assert.Equal(["spec.externalName"], Validate(external).Select(e => e.Field));
    }

    [Fact]
    public void Validate_BadClusterIpAndAffinity_Invalid()
    {
        Service service = Minimal(new ServicePort { Port = 80 });
        service.Spec!.ClusterIP = "10.96.0";
        service.Spec.SessionAffinity = "Sticky";

        FieldErrorList errors = Validate(service);

        Assert.Equal(["spec.clusterIP", "spec.sessionAffinity"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ValidateUpdate_ChangedClusterIp_Immutable()
    {
        Service old = ModelJson.Strict<Service>(Manifest);
        Service update = ModelJson.Strict<Service>(Manifest);
        update.Spec!.ClusterIP = "10.96.12.8";
        update.Spec.ClusterIPs = ["10.96.12.8"];
        var errors = new FieldErrorList();

        _strategy.ValidateUpdate(update, old, errors);

        FieldError error = Assert.Single(errors);
        Assert.Equal("spec.clusterIP", error.Field);
        Assert.Contains("field is immutable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrepareForUpdate_ManifestWithoutAllocations_KeepsClusterIpNodePortsAndStatus()
    {
        Service old = ModelJson.Strict<Service>(Manifest);
        Service update = ModelJson.Strict<Service>(Manifest);
        update.Spec!.ClusterIP = null;
        update.Spec.ClusterIPs = null;
        update.Spec.HealthCheckNodePort = null;
        update.Spec.Ports!.ForEach(p => p.NodePort = null);
        update.Status = null;
        var errors = new FieldErrorList();

        _strategy.PrepareForUpdate(update, old);
        _strategy.ValidateUpdate(update, old, errors);

        Assert.Empty(errors);
        Assert.Equal("10.96.12.7", update.Spec.ClusterIP);
        Assert.Equal(["10.96.12.7"], update.Spec.ClusterIPs);
        Assert.Equal([30080, 30090], update.Spec.Ports.Select(p => p.NodePort ?? 0));
        Assert.Equal(31234, update.Spec.HealthCheckNodePort);
        Assert.Same(old.Status, update.Status);
    }

    [Fact]
    public void PrepareForCreate_ClientStatus_Cleared()
    {
        Service service = ModelJson.Strict<Service>(Manifest);

        _strategy.PrepareForCreate(service);

        Assert.Null(service.Status!.LoadBalancer);
    }

    [Theory]
    [InlineData("web", true)]
    [InlineData("1web", false)]
    [InlineData("web.a", false)]
    public void NameRule_IsDns1035Label(string name, bool valid)
    {
        var errors = new FieldErrorList();

        _strategy.NameRule("metadata.name", name, errors);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void TableRow_LoadBalancer_PortsExternalAddressesAndSelector()
    {
        var cells = new List<object?>();

        _strategy.TableRow(ModelJson.Strict<Service>(Manifest), s_now, cells);

        Assert.Equal(["Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"], _strategy.Columns.Select(c => c.Name));
        Assert.Equal(["LoadBalancer", "10.96.12.7", "192.0.2.10,198.51.100.4,lb.example.com", "80:30080/TCP,9090:30090/TCP", "5m",
            "app=web,tier=front"], cells);
    }

    [Fact]
    public void TableRow_OtherTypes_KubectlPlaceholders()
    {
        Service clusterIp = Minimal(new ServicePort { Port = 53, Protocol = "UDP" });
        clusterIp.Spec!.Type = "ClusterIP";
        var pending = new Service { Spec = new ServiceSpec { Type = "LoadBalancer" } };
        var external = new Service { Spec = new ServiceSpec { Type = "ExternalName", ExternalName = "db.example.com" } };
        List<object?> a = [], b = [], c = [];

        _strategy.TableRow(clusterIp, s_now, a);
        _strategy.TableRow(pending, s_now, b);
        _strategy.TableRow(external, s_now, c);

        Assert.Equal(["ClusterIP", "<none>", "<none>", "53/UDP", "<unknown>", "app=s"], a);
        Assert.Equal(["LoadBalancer", "<none>", "<pending>", "<none>", "<unknown>", "<none>"], b);
        Assert.Equal("db.example.com", c[2]);
    }

    [Fact]
    public void TryGetField_ClusterIpAndType_Supported()
    {
        Service service = ModelJson.Strict<Service>(Manifest);

        Assert.True(_strategy.TryGetField(service, "spec.type", out string? type));
        Assert.True(_strategy.TryGetField(service, "spec.clusterIP", out string? ip));
        Assert.Equal(("LoadBalancer", "10.96.12.7"), (type, ip));
        Assert.False(_strategy.TryGetField(service, "spec.selector", out _));
    }
}
