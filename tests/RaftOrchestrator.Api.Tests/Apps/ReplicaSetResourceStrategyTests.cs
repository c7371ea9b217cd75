using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Apps;

public sealed class ReplicaSetResourceStrategyTests
{
    private static readonly ReplicaSetResourceStrategy s_strategy = new();

    private static ReplicaSet Minimal() => new()
    {
        Metadata = { Name = "web-5d8f", Namespace = "default", CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
        Spec =
        {
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = "web", ["pod-template-hash"] = "5d8f" } },
            Template = new PodTemplateSpec
            {
                Metadata = { Labels = new() { ["app"] = "web", ["pod-template-hash"] = "5d8f" } },
                Spec = { Containers = [new Container { Name = "web", Image = "nginx" }] },
            },
        },
    };

    [Fact]
    public void ApplyDefaults_Minimal_OneReplicaAndTemplateDefaults()
    {
        ReplicaSet rs = Minimal();

        s_strategy.ApplyDefaults(rs);

        Assert.Equal(1, rs.Spec.Replicas);
        Assert.Equal("Always", rs.Spec.Template.Spec.Containers[0].ImagePullPolicy);
        Assert.Equal(30, rs.Spec.Template.Spec.TerminationGracePeriodSeconds);
    }

    [Fact]
    public void Validate_TemplateMismatch_ErrorOnTemplateLabels()
    {
        ReplicaSet rs = Minimal();
        rs.Spec.Template.Metadata.Labels!.Remove("pod-template-hash");
        s_strategy.ApplyDefaults(rs);
        var errors = new FieldErrorList();

        s_strategy.Validate(rs, errors);

        Assert.Equal("spec.template.metadata.labels", Assert.Single(errors).Field);
    }

    [Fact]
    public void ValidateUpdate_SelectorChanged_Immutable()
    {
        ReplicaSet old = Minimal();
        ReplicaSet updated = Minimal();
        updated.Spec.Selector!.MatchLabels!.Remove("pod-template-hash");
        s_strategy.ApplyDefaults(old);
        s_strategy.ApplyDefaults(updated);
        var errors = new FieldErrorList();

        s_strategy.ValidateUpdate(updated, old, errors);

        Assert.Equal("spec.selector", Assert.Single(errors).Field);
    }

    [Fact]
    public void TableRow_ReplicaSet_DesiredCurrentReady()
    {
        ReplicaSet rs = Minimal();
        rs.Spec.Replicas = 3;
        rs.Status.Replicas = 2;
        rs.Status.ReadyReplicas = 1;
        var cells = new List<object?>();

        s_strategy.TableRow(rs, rs.Metadata.CreationTimestamp!.Value.AddHours(3), cells);

        Assert.Equal<object?>([3, 2, 1, "3h", "web", "nginx", "app=web,pod-template-hash=5d8f"], cells);
        Assert.Equal(["Desired", "Current", "Ready", "Age", "Containers", "Images", "Selector"], s_strategy.Columns.Select(c => c.Name));
    }

    [Fact]
    public void TryGetField_StatusReplicas_Selectable()
    {
        ReplicaSet rs = Minimal();
        rs.Status.Replicas = 0;

        Assert.True(s_strategy.TryGetField(rs, "status.replicas", out string? value));
        Assert.Equal("0", value);
        Assert.False(s_strategy.TryGetField(rs, "spec.replicas", out _));
    }
}
