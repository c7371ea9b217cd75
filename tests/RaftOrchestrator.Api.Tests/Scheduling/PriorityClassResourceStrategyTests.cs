using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Scheduling;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Scheduling;

public sealed class PriorityClassResourceStrategyTests
{
    private static readonly DateTime s_now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly PriorityClassResourceStrategy _strategy = new();

    private static PriorityClass Class(string name, int value, bool globalDefault = false, string? policy = "PreemptLowerPriority") => new()
    {
        Metadata = { Name = name },
        Value = value,
        GlobalDefault = globalDefault,
        PreemptionPolicy = policy,
    };

    private List<string> Errors(PriorityClass value)
    {
        var errors = new FieldErrorList();
        _strategy.Validate(value, errors);
        return [.. errors.Select(e => $"{e.Field}: {e.Message}")];
    }

    [Fact]
    public void Json_Manifest_DecodesStrictlyAndRoundTripsThroughMessagePack()
    {
        const string Manifest = """
            {"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass",
             "metadata":{"name":"high","uid":"9f1","resourceVersion":"44","creationTimestamp":"2026-03-01T11:00:00Z"},
             "value":1000000,"globalDefault":true,"description":"For pods that must run.","preemptionPolicy":"Never"}
            """;

        PriorityClass value = ModelJson.AssertRoundTrip<PriorityClass>(Manifest);

        Assert.Equal(1_000_000, value.Value);
        Assert.True(value.GlobalDefault);
        Assert.Equal("Never", value.PreemptionPolicy);
    }

    [Fact]
    public void Json_GlobalDefaultFalse_IsOmitted()
    {
        string json = ModelJson.Write(Class("low", 5));

        Assert.DoesNotContain("globalDefault", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":5", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_PriorityClasses_ClusterScopedWithShortNamePc()
    {
        ResourceDescriptor? descriptor = ApiCatalog.Default.Find("scheduling.k8s.io", "priorityclasses");

        Assert.NotNull(descriptor);
        Assert.Equal(typeof(PriorityClass), descriptor.ObjectType);
        Assert.Equal("scheduling.k8s.io/v1", descriptor.ApiVersion);
        Assert.False(descriptor.Namespaced);
        Assert.Equal(["pc"], descriptor.ShortNames);
        Assert.Equal("/registry/scheduling.k8s.io/priorityclasses/high", descriptor.Key(null, "high"));
    }

    [Fact]
    public void ApplyDefaults_NoPolicy_PreemptLowerPriority()
    {
        PriorityClass value = Class("a", 1, policy: null);

        _strategy.ApplyDefaults(value);

        Assert.Equal("PreemptLowerPriority", value.PreemptionPolicy);
    }

    public static TheoryData<PriorityClass, string[]> Cases => new()
    {
        { Class("user-max", SchedulingPriorities.HighestUserDefinable), [] },
        { Class("user-negative", -5), [] },
        { Class("too-high", SchedulingPriorities.HighestUserDefinable + 1), ["value: Forbidden: maximum allowed value of a user defined priority is 1000000000"] },
        { Class("system-node-critical", 2_000_001_000), [] },
        { Class("system-cluster-critical", 2_000_000_000), [] },
        {
            Class("system-mine", 10),
            ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"]
        },
        {
            Class("system-cluster-critical", 7),
            ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-cluster-critical PriorityClass must be 2000000000"]
        },
        {
            Class("system-node-critical", 2_000_001_000, globalDefault: true),
            ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: globalDefault of system-node-critical PriorityClass must be false"]
        },
        { Class("bad-policy", 1, policy: "Sometimes"), ["preemptionPolicy: Unsupported value: \"Sometimes\": supported values: \"Never\", \"PreemptLowerPriority\""] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Table(PriorityClass value, string[] expected) => Assert.Equal(expected, Errors(value));

    [Fact]
    public void SystemClasses_AreValidAndAboveEveryUserClass()
    {
        IReadOnlyList<PriorityClass> system = SchedulingPriorities.SystemClasses();

        Assert.Equal(["system-node-critical", "system-cluster-critical"], system.Select(c => c.Metadata.Name));
        Assert.Equal([2_000_001_000, 2_000_000_000], system.Select(c => c.Value));
        Assert.All(system, c => Assert.Empty(Errors(c)));
        Assert.All(system, c => Assert.True(c.Value > SchedulingPriorities.HighestUserDefinable));
    }

    [Fact]
    public void ValidateUpdate_ValueOrPolicyChanged_Refused_DescriptionAndDefaultMayChange()
    {
        PriorityClass old = Class("c", 10);
        PriorityClass moved = Class("c", 11);
        PriorityClass neverNow = Class("c", 10, policy: "Never");
        PriorityClass described = Class("c", 10, globalDefault: true);
        described.Description = "now described";

        var errors = new FieldErrorList();
        _strategy.ValidateUpdate(moved, old, errors);
        _strategy.ValidateUpdate(neverNow, old, errors);
        var none = new FieldErrorList();
        _strategy.ValidateUpdate(described, old, none);

        Assert.Equal(["value: Forbidden: may not be changed in an update.", "preemptionPolicy: Invalid value: \"Never\": field is immutable"],
            errors.Select(e => $"{e.Field}: {e.Message}"));
        Assert.Empty(none);
    }

    [Fact]
    public void TableRow_ValueDefaultAgePolicy()
    {
        PriorityClass value = Class("high", 1000, globalDefault: true, policy: "Never");
        value.Metadata.CreationTimestamp = s_now.AddMinutes(-5);
        var cells = new List<object?>();

        _strategy.TableRow(value, s_now, cells);

        Assert.Equal(["Value", "Global-Default", "Age", "PreemptionPolicy"], _strategy.Columns.Select(c => c.Name));
        Assert.Equal(["integer", "boolean", "string", "string"], _strategy.Columns.Select(c => c.Type));
        Assert.Equal([1000, true, "5m", "Never"], cells);
    }
}
