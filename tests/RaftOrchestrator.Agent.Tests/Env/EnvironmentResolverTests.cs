using System.Text;
using RaftOrchestrator.Agent.Env;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Testing;

namespace RaftOrchestrator.Agent.Tests.Env;

public sealed class EnvironmentResolverTests : IAsyncDisposable
{
    private static readonly PodAddresses s_addresses = new("10.0.0.7", "192.0.2.10");
    private static readonly Dictionary<string, Quantity> s_allocatable = new() { ["cpu"] = "4", ["memory"] = "8Gi" };

    private readonly InMemoryClusterClient _client = new();

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private static Pod PodWith(Container container) => new()
    {
        Metadata = new ObjectMeta { Namespace = "apps", Name = "web-1", Uid = "uid-1", Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new PodSpec { NodeName = "node-1", ServiceAccountName = "builder", Containers = [container] },
    };

    private Task<EnvResolution> ResolveAsync(Container container) =>
        new EnvironmentResolver(_client).ResolveAsync(PodWith(container), container, s_addresses, s_allocatable, TestContext.Current.CancellationToken);

    private static EnvVar FromField(string name, string path) => new() { Name = name, ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = path } } };

    [Fact]
    public async Task Resolve_ValuesExpandEarlierOnes()
    {
        var container = new Container
        {
            Name = "main",
            Env =
            [
                new EnvVar { Name = "A", Value = "one" },
                new EnvVar { Name = "B", Value = "$(A)-two" },
                new EnvVar { Name = "C", Value = "$(C_LATER) $$(A) $(A" },
                new EnvVar { Name = "C_LATER", Value = "x" },
                new EnvVar { Name = "A", Value = "again:$(A)" },
            ],
        };

        EnvResolution env = await ResolveAsync(container);

        Assert.True(env.IsOk, env.Error);
        Assert.Equal(["A=again:one", "B=one-two", "C=$(C_LATER) $(A) $(A", "C_LATER=x"], env.Variables.Select(v => $"{v.Key}={v.Value}"));
    }

    [Fact]
    public async Task Resolve_DownwardApi_PodFieldsAndResources()
    {
        var container = new Container
        {
            Name = "main",
            Resources = new ResourceRequirements { Limits = new Dictionary<string, Quantity> { ["memory"] = "64Mi" } },
            Env =
            [
                FromField("NAME", "metadata.name"),
                FromField("NS", "metadata.namespace"),
                FromField("UID", "metadata.uid"),
                FromField("NODE", "spec.nodeName"),
                FromField("SA", "spec.serviceAccountName"),
                FromField("POD_IP", "status.podIP"),
                FromField("HOST_IP", "status.hostIP"),
                FromField("APP", "metadata.labels['app']"),
                new EnvVar { Name = "MEM", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.memory", Divisor = "1Mi" } } },
                new EnvVar { Name = "CPU", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu" } } },
            ],
        };

        EnvResolution env = await ResolveAsync(container);

        Assert.True(env.IsOk, env.Error);
        Assert.Equal(
            ["NAME=web-1", "NS=apps", "UID=uid-1", "NODE=node-1", "SA=builder", "POD_IP=10.0.0.7", "HOST_IP=192.0.2.10", "APP=web", "MEM=64", "CPU=4"],
            env.Variables.Select(v => $"{v.Key}={v.Value}"));
    }

    [Fact]
    public async Task Resolve_ConfigMapAndSecretKeysAndEnvFromWithPrefix()
    {
        _client.Seed(TestObjects.ConfigMap("apps", "cfg", new Dictionary<string, string> { ["mode"] = "fast", ["level"] = "3" }));
        _client.Seed(new Secret { Metadata = new ObjectMeta { Namespace = "apps", Name = "creds" }, Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("s3cret") } });
        var container = new Container
        {
            Name = "main",
            EnvFrom =
            [
                new EnvFromSource { ConfigMapRef = new ConfigMapEnvSource { Name = "cfg" }, Prefix = "CFG_" },
                new EnvFromSource { SecretRef = new SecretEnvSource { Name = "creds" } },
                new EnvFromSource { ConfigMapRef = new ConfigMapEnvSource { Name = "absent", Optional = true } },
            ],
            Env =
            [
                new EnvVar { Name = "MODE", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "cfg", Key = "mode" } } },
                new EnvVar { Name = "PW", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "creds", Key = "password" } } },
                new EnvVar { Name = "OPT", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "cfg", Key = "nope", Optional = true } } },
                new EnvVar { Name = "MSG", Value = "$(CFG_mode)/$(password)" },
            ],
        };

        EnvResolution env = await ResolveAsync(container);

        Assert.True(env.IsOk, env.Error);
        Assert.Equal(["CFG_level=3", "CFG_mode=fast", "password=s3cret", "MODE=fast", "PW=s3cret", "MSG=fast/s3cret"], env.Variables.Select(v => $"{v.Key}={v.Value}"));
    }

    [Theory]
    [InlineData("configmap", "cfg", null, "configmap \"cfg\" not found")]
    [InlineData("configmap", "present", "nope", "couldn't find key nope in ConfigMap apps/present")]
    [InlineData("secret", "creds", null, "secret \"creds\" not found")]
    [InlineData("secret", "present-secret", "nope", "couldn't find key nope in Secret apps/present-secret")]
    public async Task Resolve_MissingRequired_FailsWithKubeletMessage(string kind, string name, string? key, string expected)
    {
        _client.Seed(TestObjects.ConfigMap("apps", "present", new Dictionary<string, string> { ["k"] = "v" }));
        _client.Seed(new Secret { Metadata = new ObjectMeta { Namespace = "apps", Name = "present-secret" }, Data = new Dictionary<string, byte[]> { ["k"] = [1] } });
        EnvVarSource source = kind == "configmap"
            ? new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = name, Key = key ?? "k" } }
            : new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = name, Key = key ?? "k" } };

        EnvResolution env = await ResolveAsync(new Container { Name = "main", Env = [new EnvVar { Name = "X", ValueFrom = source }] });

        Assert.False(env.IsOk);
        Assert.Equal(expected, env.Error);
    }

    [Fact]
    public async Task Resolve_EnvFromMissingRequired_Fails()
    {
        EnvResolution env = await ResolveAsync(new Container { Name = "main", EnvFrom = [new EnvFromSource { SecretRef = new SecretEnvSource { Name = "gone" } }] });

        Assert.Equal("secret \"gone\" not found", env.Error);
    }

    [Fact]
    public async Task Resolve_UnsupportedFieldPath_Fails()
    {
        EnvResolution env = await ResolveAsync(new Container { Name = "main", Env = [FromField("X", "spec.containers")] });

        Assert.Equal("unsupported fieldPath: spec.containers", env.Error);
    }
}
