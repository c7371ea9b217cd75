using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Server.Kube.Kinds;

namespace RaftOrchestrator.Server.Tests.Kube;

/// <summary>The pods/log request before it reaches an agent: PodLogOptions from the query, their validation, container defaulting, the agent's URL.</summary>
public sealed class PodLogLocationTests
{
    private static PodLogOptions Parse(params (string Name, string Value)[] query)
    {
        Assert.True(PodLogOptions.TryParse(name => query.FirstOrDefault(q => q.Name == name).Value, out PodLogOptions options, out string? error), error);
        return options;
    }

    [Fact]
    public void TryParse_KubectlQuery_ReadsEveryOption()
    {
        PodLogOptions options = Parse(("container", "c"), ("follow", "true"), ("previous", "true"), ("timestamps", "true"),
            ("tailLines", "5"), ("sinceSeconds", "10"), ("limitBytes", "100"));

        Assert.Equal(new PodLogOptions { Container = "c", Follow = true, Previous = true, Timestamps = true, TailLines = 5, SinceSeconds = 10, LimitBytes = 100 }, options);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    public void TryParse_Booleans_ConvertAsApimachineryDoes(string? value, bool expected) =>
        Assert.Equal(expected, Parse(value is null ? [] : [("follow", value)]).Follow);

    [Fact]
    public void TryParse_SinceTime_ReadsRfc3339()
    {
        PodLogOptions options = Parse(("sinceTime", "2026-01-02T03:04:05Z"));

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), options.SinceTime);
        Assert.Equal(options.SinceTime, options.Since(DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData("tailLines", "abc")]
    [InlineData("limitBytes", "1.5")]
    [InlineData("sinceSeconds", "")]
    [InlineData("sinceTime", "yesterday")]
    public void TryParse_Unparsable_FailsWithTheParameter(string name, string value)
    {
        bool parsed = PodLogOptions.TryParse(n => n == name ? value : null, out _, out string? error);

        Assert.Equal(value.Length == 0, parsed);
        if (!parsed)
        {
            Assert.StartsWith(name, error, StringComparison.Ordinal);
        }
    }

    public static TheoryData<PodLogOptions, string[]> InvalidOptions => new()
    {
        { new PodLogOptions { TailLines = -1 }, ["tailLines: Invalid value: -1: must be greater than or equal to 0"] },
        { new PodLogOptions { LimitBytes = 0 }, ["limitBytes: Invalid value: 0: must be greater than 0"] },
        { new PodLogOptions { SinceSeconds = 0 }, ["sinceSeconds: Invalid value: 0: must be greater than 0"] },
        { new PodLogOptions { SinceSeconds = 5, SinceTime = DateTimeOffset.UnixEpoch }, [": Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified"] },
        { new PodLogOptions { TailLines = -3, LimitBytes = -1 }, ["tailLines: Invalid value: -3: must be greater than or equal to 0", "limitBytes: Invalid value: -1: must be greater than 0"] },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_OutOfRange_GivesKubesFieldErrors(PodLogOptions options, string[] expected) =>
        Assert.Equal(expected, options.Validate().Select(e => $"{e.Field}: {e.Message}"));

    [Fact]
    public void Validate_ZeroTailAndPositiveLimits_AreValid() =>
        Assert.Empty(new PodLogOptions { TailLines = 0, LimitBytes = 1, SinceSeconds = 1 }.Validate());

    [Fact]
    public void Invalid_OneError_IsA422PodLogOptionsStatus()
    {
        Status status = PodLogHandler.Invalid("web", new PodLogOptions { TailLines = -2 }.Validate());

        Assert.Equal((422, "Invalid", "PodLogOptions \"web\" is invalid: tailLines: Invalid value: -2: must be greater than or equal to 0"),
            (status.Code, status.Reason, status.Message));
        Assert.Equal(("web", "PodLogOptions", "tailLines"), (status.Details!.Name, status.Details.Kind, status.Details.Causes![0].Field));
    }

    [Fact]
    public void Container_OnlyOne_IsDefaulted() =>
        Assert.Equal(("main", (Status?)null), PodLogLocation.Container(NewPod(["main"]), null));

    [Fact]
    public void Container_Several_UsesTheDefaultContainerAnnotation()
    {
        Pod pod = NewPod(["a", "b"]);
        pod.Metadata.Annotations = new() { [PodLogLocation.DefaultContainerAnnotation] = "b" };

        Assert.Equal("b", PodLogLocation.Container(pod, null).Container);
    }

    [Fact]
    public void Container_SeveralWithoutDefault_Is400ListingInitContainersFirst()
    {
        Pod pod = NewPod(["a", "b"], init: ["setup"]);
        pod.Metadata.Annotations = new() { [PodLogLocation.DefaultContainerAnnotation] = "gone" };

        (string? container, Status? error) = PodLogLocation.Container(pod, null);

        Assert.Null(container);
        Assert.Equal((400, "BadRequest", "a container name must be specified for pod web, choose one of: [setup a b]"), (error!.Code, error.Reason, error.Message));
    }

    [Theory]
    [InlineData("b", "b", null)]
    [InlineData("setup", "setup", null)]
    [InlineData("c", null, "container c is not valid for pod web")]
    public void Container_Named_MustBeInThePod(string requested, string? expected, string? message)
    {
        (string? container, Status? error) = PodLogLocation.Container(NewPod(["a", "b"], init: ["setup"]), requested);

        Assert.Equal((expected, message), (container, error?.Message));
    }

    [Fact]
    public void Container_None_Is400() =>
        Assert.Equal("a container name must be specified for pod web", PodLogLocation.Container(NewPod([]), null).Error!.Message);

    [Fact]
    public void Url_NodeWithAgent_IsItsContainerLogsPathWithTheOptions()
    {
        (Uri? url, Status? error) = PodLogLocation.Url(NewPod(["main"]), NewNode("10.0.0.7", 10250), "main",
            new PodLogOptions { Follow = true, TailLines = 2, SinceTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) });

        Assert.Null(error);
        Assert.Equal("http://10.0.0.7:10250/containerLogs/default/web/main?follow=true&sinceTime=2026-01-02T03%3A04%3A05Z&tailLines=2", url!.AbsoluteUri);
    }

    [Theory]
    [InlineData(null, 10250)]
    [InlineData("10.0.0.7", 0)]
    public void Url_NodeWithoutAgentEndpoint_IsA500NamingTheNode(string? address, int port)
    {
        (Uri? url, Status? error) = PodLogLocation.Url(NewPod(["main"]), NewNode(address, port), "main", new PodLogOptions());

        Assert.Null(url);
        Assert.Equal(500, error!.Code);
        Assert.Contains("node n1 publishes no agent endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "container \"main\" in pod \"web\" is waiting to start: ContainerCreating\n", "BadRequest", "container \"main\" in pod \"web\" is waiting to start: ContainerCreating")]
    [InlineData(404, "pod \"web\" does not exist", "NotFound", "the server could not find the requested resource ( pods/log web)")]
    [InlineData(500, "disk on fire", "InternalError", "Internal error occurred: disk on fire")]
    [InlineData(503, "the node agent is starting", "ServiceUnavailable", "the node agent is starting")]
    public void Relayed_AgentErrors_AreWordedAsKubeApiserverRelaysAKubelets(int code, string body, string reason, string message)
    {
        Status status = PodLogHandler.Relayed(code, "web", body);

        Assert.Equal((code, reason, message), (status.Code, status.Reason, status.Message));
    }

    private static Pod NewPod(string[] containers, string[]? init = null) => new()
    {
        Metadata = new ObjectMeta { Namespace = "default", Name = "web" },
        Spec = new PodSpec
        {
            NodeName = "n1",
            Containers = [.. containers.Select(c => new Container { Name = c, Image = "busybox" })],
            InitContainers = init is null ? null : [.. init.Select(c => new Container { Name = c, Image = "busybox" })],
        },
    };

    private static Node NewNode(string? address, int port) => new()
    {
        Metadata = new ObjectMeta { Name = "n1" },
        Status = new NodeStatus
        {
            Addresses = address is null ? [new NodeAddress { Type = "Hostname", Address = "n1" }] : [new NodeAddress { Type = "InternalIP", Address = address }],
            DaemonEndpoints = new NodeDaemonEndpoints { KubeletEndpoint = new DaemonEndpoint { Port = port } },
        },
    };
}
