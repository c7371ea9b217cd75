using RaftOrchestrator.Api.Discovery;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Discovery;

public sealed class EndpointSliceTests
{
    private static readonly DateTime s_now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly EndpointSliceResourceStrategy _strategy = new();

    /// <summary>A slice as the 1.32 endpointslice controller writes it (two endpoints, one terminating, with hints).</summary>
    private const string Manifest = """
        {"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice",
         "metadata":{"name":"web-x7k2p","generateName":"web-","namespace":"default","uid":"5c1f","resourceVersion":"812","generation":3,
           "creationTimestamp":"2026-03-01T11:55:00Z",
           "labels":{"kubernetes.io/service-name":"web","endpointslice.kubernetes.io/managed-by":"endpointslice-controller.k8s.io"},
           "annotations":{"endpoints.kubernetes.io/last-change-trigger-time":"2026-03-01T11:58:00Z"},
           "ownerReferences":[{"apiVersion":"v1","kind":"Service","name":"web","uid":"a1b2","controller":true,"blockOwnerDeletion":true}]},
         "addressType":"IPv4",
         "endpoints":[
           {"addresses":["10.244.1.5"],"conditions":{"ready":true,"serving":true,"terminating":false},"hostname":"web-0",
            "targetRef":{"kind":"Pod","namespace":"default","name":"web-0","uid":"p0"},"nodeName":"worker-1","zone":"zone-a",
            "hints":{"forZones":[{"name":"zone-a"}],"forNodes":[{"name":"worker-1"}]}},
           {"addresses":["10.244.2.9"],"conditions":{"ready":false,"serving":true,"terminating":true},
            "targetRef":{"kind":"Pod","namespace":"default","name":"web-1","uid":"p1"},"nodeName":"worker-2","deprecatedTopology":{"rack":"r2"}}],
         "ports":[{"name":"http","protocol":"TCP","port":8080,"appProtocol":"http"},{"name":"dns","protocol":"UDP","port":53}]}
        """;

    private static EndpointSlice Slice(string addressType, params string[] addresses) => new()
    {
        Metadata = { Name = "s", Namespace = "default" },
        AddressType = addressType,
        Endpoints = [new Endpoint { Addresses = [.. addresses] }],
        Ports = [new EndpointPort { Name = "", Protocol = "TCP", Port = 80 }],
    };

    private FieldErrorList Errors(EndpointSlice slice)
    {
        var errors = new FieldErrorList();
        _strategy.Validate(slice, errors);
        return errors;
    }

    [Fact]
    public void Json_ControllerManifest_DecodesStrictlyAndRoundTripsThroughMessagePack()
    {
        EndpointSlice slice = ModelJson.AssertRoundTrip<EndpointSlice>(Manifest);

        Assert.Equal("IPv4", slice.AddressType);
        Assert.Equal(true, slice.Endpoints![1].Conditions!.Terminating);
        Assert.Equal("worker-1", slice.Endpoints[0].Hints!.ForNodes![0].Name);
        Assert.Equal(53, slice.Ports![1].Port);
        Assert.Empty(Errors(slice));
    }

    [Fact]
    public void MessagePack_NullPortAndConditions_StayNull()
    {
        var slice = new EndpointSlice { AddressType = "FQDN", Endpoints = [new Endpoint { Addresses = ["a.example.com"] }], Ports = [new EndpointPort { Name = "all" }] };

        EndpointSlice back = ApiMessagePack.Deserialize<EndpointSlice>(ApiMessagePack.Serialize(slice));

        Assert.Null(back.Ports![0].Port);
        Assert.Null(back.Endpoints![0].Conditions);
        Assert.Equal(["a.example.com"], back.Endpoints[0].Addresses);
    }

    [Fact]
    public void Catalog_EndpointSlices_RegisteredInDiscoveryGroup()
    {
        ResourceDescriptor? descriptor = ApiCatalog.Default.Find("discovery.k8s.io", "endpointslices");

        Assert.NotNull(descriptor);
        Assert.Equal(typeof(EndpointSlice), descriptor.ObjectType);
        Assert.Equal("discovery.k8s.io/v1", descriptor.ApiVersion);
        Assert.True(descriptor.Namespaced);
        Assert.Same(descriptor, ApiCatalog.Default.FindKind("discovery.k8s.io/v1", "EndpointSlice"));
    }

    [Fact]
    public void ApplyDefaults_PortWithoutNameOrProtocol_EmptyNameAndTcp()
    {
        var slice = new EndpointSlice { Ports = [new EndpointPort { Port = 80 }, new EndpointPort { Name = "dns", Protocol = "UDP" }] };

        _strategy.ApplyDefaults(slice);

        Assert.Equal(("", "TCP"), (slice.Ports[0].Name, slice.Ports[0].Protocol));
        Assert.Equal(("dns", "UDP"), (slice.Ports[1].Name, slice.Ports[1].Protocol));
    }

    [Theory]
    [InlineData("", "addressType", "FieldValueRequired")]
    [InlineData("IP", "addressType", "FieldValueNotSupported")]
    [InlineData("IPv6", null, null)]
    public void Validate_AddressType_RequiredAndOneOfThree(string addressType, string? field, string? type)
    {
        EndpointSlice slice = Slice(addressType, addressType == "IPv6" ? "fd00::5" : "10.0.0.5");

        FieldErrorList errors = Errors(slice);

        Assert.Equal(field, errors.SingleOrDefault()?.Field);
        Assert.Equal(type, errors.SingleOrDefault()?.Type);
    }

    [Theory]
    [InlineData("IPv4", "10.1.2.3", null)]
    [InlineData("IPv4", "fd00::1", "must be a valid IPv4 address")]
    [InlineData("IPv6", "10.1.2.3", "must be a valid IPv6 address")]
    [InlineData("IPv4", "127.0.0.1", "may not be in the loopback range (127.0.0.0/8, ::1/128)")]
    [InlineData("IPv4", "0.0.0.0", "may not be unspecified (0.0.0.0)")]
    [InlineData("IPv4", "169.254.169.254", "may not be in the link-local range (169.254.0.0/16, fe80::/10)")]
    [InlineData("IPv6", "ff02::1", "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)")]
    [InlineData("FQDN", "svc.example.com", null)]
    [InlineData("FQDN", "localhost", "should be a domain with at least two segments separated by dots")]
    public void Validate_Address_CheckedForItsType(string addressType, string address, string? problem)
    {
        FieldErrorList errors = Errors(Slice(addressType, address));

        if (problem is null)
        {
            Assert.Empty(errors);
            return;
        }
        FieldError error = Assert.Single(errors);
        Assert.Equal("endpoints[0].addresses[0]", error.Field);
        Assert.EndsWith(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndpointWithoutAddressesAndBadNames_ReportedWithPaths()
    {
        EndpointSlice slice = Slice("IPv4", "10.0.0.1");
        slice.Endpoints!.Add(new Endpoint { NodeName = "Bad_Node", Hostname = "a.b" });
        slice.Endpoints.Add(new Endpoint { Addresses = ["10.0.0.2"], Hints = new EndpointHints { ForZones = [new ForZone { Name = "z" }, new ForZone { Name = "z" }] } });

        FieldErrorList errors = Errors(slice);

        Assert.Equal(["endpoints[1].addresses", "endpoints[1].nodeName", "endpoints[1].hostname", "endpoints[2].hints.forZones[1].name"], errors.Select(e => e.Field));
        Assert.Equal("Required value: must contain at least 1 address", errors[0].Message);
        Assert.Equal("FieldValueDuplicate", errors[3].Type);
    }

    [Fact]
    public void Validate_TooManyEndpoints_OneErrorForTheList()
    {
        EndpointSlice slice = Slice("IPv4");
        slice.Endpoints = [.. Enumerable.Range(0, 1001).Select(i => new Endpoint { Addresses = [$"10.0.{i / 250}.{(i % 250) + 1}"] })];

        FieldError error = Assert.Single(Errors(slice));

        Assert.Equal(("endpoints", "FieldValueTooMany"), (error.Field, error.Type));
        Assert.Equal("Too many: 1001: must have at most 1000 items", error.Message);
    }

    [Fact]
    public void Validate_Ports_DuplicateNamesProtocolAndAppProtocol()
    {
        EndpointSlice slice = Slice("IPv4", "10.0.0.1");
        slice.Ports =
        [
            new EndpointPort { Name = "http", Protocol = "TCP", Port = 80 },
            new EndpointPort { Name = "http", Protocol = "TCP", Port = 81 },
            new EndpointPort { Name = "Bad_Name", Protocol = "ICMP", AppProtocol = "-bad" },
            new EndpointPort { Name = "", Protocol = null },
        ];

        FieldErrorList errors = Errors(slice);

        Assert.Equal(["ports[1].name", "ports[2].name", "ports[2].protocol", "ports[2].appProtocol", "ports[3].protocol"], errors.Select(e => e.Field));
        Assert.Equal(["FieldValueDuplicate", "FieldValueInvalid", "FieldValueNotSupported", "FieldValueInvalid", "FieldValueRequired"], errors.Select(e => e.Type));
    }

    [Fact]
    public void ValidateUpdate_ChangedAddressType_Immutable()
    {
        EndpointSlice old = Slice("IPv4", "10.0.0.1");
        EndpointSlice update = Slice("FQDN", "a.example.com");
        var errors = new FieldErrorList();

        _strategy.ValidateUpdate(update, old, errors);

        FieldError error = Assert.Single(errors);
        Assert.Equal("addressType", error.Field);
        Assert.EndsWith("field is immutable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetSpec_LabelOrEndpointChange_DiffersMetadataOnlyChangeDoesNot()
    {
        EndpointSlice a = ModelJson.Strict<EndpointSlice>(Manifest);
        EndpointSlice annotated = ModelJson.Strict<EndpointSlice>(Manifest);
        annotated.Metadata.Annotations!["x"] = "y";
        EndpointSlice relabelled = ModelJson.Strict<EndpointSlice>(Manifest);
        relabelled.Metadata.Labels!["kubernetes.io/service-name"] = "other";
        EndpointSlice moved = ModelJson.Strict<EndpointSlice>(Manifest);
        moved.Endpoints![0].Addresses[0] = "10.244.1.6";

        static byte[] Encode(object? spec) => MessagePack.MessagePackSerializer.Serialize(spec!.GetType(), spec, ApiMessagePack.Options);

        Assert.Equal(Encode(_strategy.GetSpec(a)), Encode(_strategy.GetSpec(annotated)));
        Assert.NotEqual(Encode(_strategy.GetSpec(a)), Encode(_strategy.GetSpec(relabelled)));
        Assert.NotEqual(Encode(_strategy.GetSpec(a)), Encode(_strategy.GetSpec(moved)));
    }

    [Fact]
    public void TableRow_ControllerManifest_KubectlColumns()
    {
        EndpointSlice slice = ModelJson.Strict<EndpointSlice>(Manifest);
        var cells = new List<object?>();

        _strategy.TableRow(slice, s_now, cells);

        Assert.Equal(["AddressType", "Ports", "Endpoints", "Age"], _strategy.Columns.Select(c => c.Name));
        Assert.Equal(["IPv4", "8080,53", "10.244.1.5,10.244.2.9", "5m"], cells);
    }

    [Fact]
    public void TableCells_ManyOrNone_MoreSuffixOrUnset()
    {
        var endpoints = Enumerable.Range(1, 5).Select(i => new Endpoint { Addresses = [$"10.0.0.{i}"] }).ToList();
        var ports = new List<EndpointPort> { new() { Name = "a", Port = 1 }, new() { Name = "all" }, new(), new() { Port = 4 } };

        Assert.Equal("10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...", EndpointSliceResourceStrategy.EndpointsText(endpoints));
        Assert.Equal("1,all,* + 1 more...", EndpointSliceResourceStrategy.PortsText(ports));
        Assert.Equal("<unset>", EndpointSliceResourceStrategy.EndpointsText(null));
        Assert.Equal("<unset>", EndpointSliceResourceStrategy.PortsText([]));
    }
}
