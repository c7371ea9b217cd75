using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>
/// The real kubectl against real `rorch server` processes: one replica, and a follower of three (every write
/// forwarded to the leader, every read behind a ReadIndex). Each test works in names of its own.
/// </summary>
public abstract partial class KubectlAcceptanceTests<TFixture>(TFixture fixture) where TFixture : KubeClusterFixture
{
    internal Kubectl K => fixture.Kubectl;

    [Fact]
    public async Task Version_ReportsMinor32AndReadyzIsOk()
    {
        string version = await K.OkAsync("version", "-o", "json");
        string ready = await K.OkAsync("get", "--raw", "/readyz");

        Assert.Contains("\"minor\": \"32\"", version, StringComparison.Ordinal);
        Assert.Equal("ok", ready.Trim());
    }

    [Fact]
    public async Task ApiResources_ListsConfigMapsWithShortName()
    {
        string resources = await K.OkAsync("api-resources");

        Assert.Matches(@"configmaps\s+cm\s+v1\s+true\s+ConfigMap", resources);
    }

    [Fact]
    public async Task ApplyTwice_CreatesThenUnchanged_AndGetPrintsTable()
    {
        const string Manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: apply-twice
              labels: {app: apply-twice}
            data:
              key: value
            """;

        string first = await K.OkWithInputAsync(Manifest, "apply", "-f", "-");
        string second = await K.OkWithInputAsync(Manifest, "apply", "-f", "-");
        string table = await K.OkAsync("get", "configmap", "apply-twice");
        string selected = await K.OkAsync("get", "cm", "-l", "app=apply-twice", "-o", "name");

        Assert.Contains("configmap/apply-twice created", first, StringComparison.Ordinal);
        Assert.Contains("configmap/apply-twice unchanged", second, StringComparison.Ordinal);
        Assert.Matches(@"NAME\s+DATA\s+AGE\s*\napply-twice\s+1\s+\d+s", table);
        Assert.Equal("configmap/apply-twice", selected.Trim());
    }

    [Fact]
    public async Task Get_Missing_PrintsNotFound()
    {
        string error = await K.FailsAsync("get", "configmap", "does-not-exist");

        Assert.Contains("Error from server (NotFound): configmaps \"does-not-exist\" not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Twice_PrintsAlreadyExists()
    {
        const string Manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: twice\ndata: {a: b}\n";
        await K.OkWithInputAsync(Manifest, "create", "-f", "-");

        string error = await K.FailsWithInputAsync(Manifest, "create", "-f", "-");

        Assert.Contains("(AlreadyExists)", error, StringComparison.Ordinal);
        Assert.Contains("configmaps \"twice\" already exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownField_IsRefusedStrictly()
    {
        const string Manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: strict\nbogus: 1\n";

        string error = await K.FailsWithInputAsync(Manifest, "create", "-f", "-");

        Assert.Contains("strict decoding error: unknown field \"bogus\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidName_PrintsInvalidWithField()
    {
        const string Manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Not_Valid\n";

        string error = await K.FailsWithInputAsync(Manifest, "create", "-f", "-");

        Assert.Contains("The ConfigMap \"Not_Valid\" is invalid: metadata.name: Invalid value: \"Not_Valid\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_WithStaleResourceVersion_PrintsConflict()
    {
        await K.OkWithInputAsync("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stale\ndata: {a: '1'}\n", "create", "-f", "-");
        string json = await K.OkAsync("get", "configmap", "stale", "-o", "json");
        await K.OkAsync("label", "configmap", "stale", "touched=yes");

        string error = await K.FailsWithInputAsync(json, "replace", "-f", "-");

        Assert.Contains("(Conflict)", error, StringComparison.Ordinal);
        Assert.Contains("the object has been modified", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_ThenGet_IsGone()
    {
        await K.OkWithInputAsync("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: delete-me\n", "create", "-f", "-");

        string deleted = await K.OkAsync("delete", "configmap", "delete-me");
        string error = await K.FailsAsync("get", "configmap", "delete-me");

        Assert.Contains("configmap \"delete-me\" deleted", deleted, StringComparison.Ordinal);
        Assert.Contains("(NotFound)", error, StringComparison.Ordinal);
    }
}
