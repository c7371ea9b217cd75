using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class NamespaceTests
{
    private static readonly DateTime s_now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly NamespaceResourceStrategy _strategy = new();

    private const string Manifest = """
        {"apiVersion":"v1","kind":"Namespace",
         "metadata":{"name":"team-a","uid":"5f0c","resourceVersion":"12","creationTimestamp":"2026-03-01T11:00:00Z","labels":{"kubernetes.io/metadata.name":"team-a"}},
         "spec":{"finalizers":["kubernetes"]},
         "status":{"phase":"Terminating","conditions":[{"type":"NamespaceDeletionContentFailure","status":"False","lastTransitionTime":"2026-03-01T11:30:00Z","reason":"ContentDeleted","message":"All content successfully deleted"}]}}
        """;

    [Fact]
    public void Json_RealisticManifest_DecodesStrictlyAndRoundTrips()
    {
        Namespace ns = ModelJson.AssertRoundTrip<Namespace>(Manifest);

        Assert.Equal("Terminating", ns.Status!.Phase);
        Assert.Equal("ContentDeleted", ns.Status.Conditions![0].Reason);
    }

    [Fact]
    public void PrepareForCreate_NoFinalizers_AddsKubernetesAndActivePhase()
    {
        var ns = new Namespace { Metadata = { Name = "a" }, Status = new NamespaceStatus { Phase = "Terminating" } };

        _strategy.ApplyDefaults(ns);
        _strategy.PrepareForCreate(ns);

        Assert.Equal(["kubernetes"], ns.Spec!.Finalizers);
        Assert.Equal("Active", ns.Status!.Phase);
        Assert.Equal("a", ns.Metadata.Labels![NamespaceResourceStrategy.NameLabel]);
    }

    [Fact]
    public void PrepareForCreate_FinalizerPresent_NotDuplicated()
    {
        var ns = new Namespace { Metadata = { Name = "a" }, Spec = new NamespaceSpec { Finalizers = ["example.com/x", "kubernetes"] } };

        _strategy.PrepareForCreate(ns);

        Assert.Equal(["example.com/x", "kubernetes"], ns.Spec.Finalizers);
    }

    [Fact]
    public void PrepareForUpdate_ChangedFinalizersAndStatus_KeepsOld()
    {
        var old = new Namespace { Spec = new NamespaceSpec { Finalizers = ["kubernetes"] }, Status = new NamespaceStatus { Phase = "Active" } };
        var update = new Namespace { Spec = new NamespaceSpec { Finalizers = [] }, Status = new NamespaceStatus { Phase = "Terminating" } };

        _strategy.PrepareForUpdate(update, old);

        Assert.Equal(["kubernetes"], update.Spec.Finalizers);
        Assert.Equal("Active", update.Status!.Phase);
    }

    [Theory]
    [InlineData("example.com/cleanup", 0)]
    [InlineData("kubernetes", 0)]
    [InlineData("cleanup", 1)]
    [InlineData("bad name!", 1)]
    public void Validate_Finalizers_StandardOrQualified(string finalizer, int expected)
    {
        var errors = new FieldErrorList();

        _strategy.Validate(new Namespace { Spec = new NamespaceSpec { Finalizers = [finalizer] } }, errors);

        Assert.Equal(expected, errors.Count);
        Assert.All(errors, e => Assert.Equal("spec.finalizers", e.Field));
    }

    [Theory]
    [InlineData("team-a", true)]
    [InlineData("team.a", false)]
    [InlineData("Team", false)]
    public void NameRule_IsDns1123Label(string name, bool valid)
    {
        var errors = new FieldErrorList();

        _strategy.NameRule("metadata.name", name, errors);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void TableRow_Namespace_StatusAndAge()
    {
        Namespace ns = ModelJson.Strict<Namespace>(Manifest);
        var cells = new List<object?>();

        _strategy.TableRow(ns, s_now, cells);

        Assert.Equal(["Status", "Age"], _strategy.Columns.Select(c => c.Name));
        Assert.Equal(["Terminating", "60m"], cells);
    }

    [Fact]
    public void TryGetField_StatusPhase_SupportedOthersNot()
    {
        Namespace ns = ModelJson.Strict<Namespace>(Manifest);

        Assert.True(_strategy.TryGetField(ns, "status.phase", out string? phase));
        Assert.Equal("Terminating", phase);
        Assert.False(_strategy.TryGetField(ns, "spec.finalizers", out _));
    }
}
