using System.Text.Json;
using RaftOrchestrator.Api.Apps;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Apps;

public sealed class DeploymentResourceStrategyTests
{
    private static readonly DeploymentResourceStrategy s_strategy = new();

    private static Deployment Decode(string json) => JsonSerializer.Deserialize(json, ApiJson.TypeInfo<Deployment>(strict: true))!;

    private static Deployment Minimal() => new()
    {
        Metadata = { Name = "web", Namespace = "default" },
        Spec =
        {
            Selector = new LabelSelector { MatchLabels = new() { ["app"] = "web" } },
            Template = new PodTemplateSpec
            {
                Metadata = { Labels = new() { ["app"] = "web" } },
                Spec = { Containers = [new Container { Name = "web", Image = "nginx:1.27" }] },
            },
        },
    };

    private static FieldErrorList Validate(Deployment d)
    {
        s_strategy.ApplyDefaults(d);
        var errors = new FieldErrorList();
        s_strategy.Validate(d, errors);
        return errors;
    }

    [Fact]
    public void Decode_RealisticManifest_StrictSucceedsAndValidates()
    {
        Deployment d = Decode(Manifests.WebDeployment);

        FieldErrorList errors = Validate(d);

        Assert.Empty(errors);
        Container web = d.Spec.Template.Spec.Containers[0];
        Assert.Equal("1", web.Resources!.Limits!["cpu"].Text);
        Assert.Equal("http", web.LivenessProbe!.HttpGet!.Port.StringValue);
        Assert.Equal("50%", d.Spec.Strategy!.RollingUpdate!.MaxSurge!.Value.StringValue);
        Assert.Equal(0, d.Spec.Strategy.RollingUpdate.MaxUnavailable!.Value.IntValue);
        Assert.Equal("db", web.Env![4].ValueFrom!.SecretKeyRef!.Name);
        Assert.Equal("ScheduleAnyway", d.Spec.Template.Spec.TopologySpreadConstraints![0].WhenUnsatisfiable);
    }

    [Fact]
    public void MessagePack_RealisticManifest_RoundTripsToTheSameJson()
    {
        Deployment d = Decode(Manifests.WebDeployment);
        string json = JsonSerializer.Serialize(d, ApiJson.Options);

        Deployment back = ApiMessagePack.Deserialize<Deployment>(ApiMessagePack.Serialize(d));

        Assert.Equal(json, JsonSerializer.Serialize(back, ApiJson.Options));
    }

    [Fact]
    public void Decode_UnknownNestedField_StrictFailsWithPath()
    {
        string json = Manifests.WebDeployment.Replace("\"timeoutSeconds\": 2", "\"timeoutSecond\": 2", StringComparison.Ordinal);

        JsonException error = Assert.Throws<JsonException>(() => Decode(json));

        Assert.Contains("timeoutSecond", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyDefaults_Minimal_KubernetesDefaults()
    {
        Deployment d = Minimal();

        s_strategy.ApplyDefaults(d);

        Assert.Equal(1, d.Spec.Replicas);
        Assert.Equal("RollingUpdate", d.Spec.Strategy!.Type);
        Assert.Equal("25%", d.Spec.Strategy.RollingUpdate!.MaxUnavailable.ToString());
        Assert.Equal("25%", d.Spec.Strategy.RollingUpdate.MaxSurge.ToString());
        Assert.Equal(10, d.Spec.RevisionHistoryLimit);
        Assert.Equal(600, d.Spec.ProgressDeadlineSeconds);
        PodSpec pod = d.Spec.Template.Spec;
        Assert.Equal("Always", pod.RestartPolicy);
        Assert.Equal("ClusterFirst", pod.DnsPolicy);
        Assert.Equal("IfNotPresent", pod.Containers[0].ImagePullPolicy);
        Assert.Null(pod.EnableServiceLinks); // a template gets PodSpec defaults only, as in Kubernetes
    }

    [Fact]
    public void ApplyDefaults_Recreate_NoRollingUpdateParameters()
    {
        Deployment d = Minimal();
        d.Spec.Strategy = new DeploymentStrategy { Type = "Recreate" };

        s_strategy.ApplyDefaults(d);

        Assert.Null(d.Spec.Strategy.RollingUpdate);
        Assert.Empty(Validate(d));
    }

    [Fact]
    public void Validate_TemplateLabelsNotSelected_KubernetesMessageOnTemplateLabels()
    {
        Deployment d = Minimal();
        d.Spec.Template.Metadata.Labels = new() { ["app"] = "api" };

        FieldError error = Assert.Single(Validate(d));

        Assert.Equal("spec.template.metadata.labels", error.Field);
        Assert.Equal("Invalid value: map[string]string{\"app\":\"api\"}: `selector` does not match template `labels`", error.Message);
    }

    [Fact]
    public void Validate_MatchExpressionsNotSatisfied_Mismatch()
    {
        Deployment d = Minimal();
        d.Spec.Selector!.MatchExpressions = [new LabelSelectorRequirement { Key = "tier", Operator = "NotIn", Values = ["web"] }];
        d.Spec.Template.Metadata.Labels!["tier"] = "web";

        Assert.Contains(Validate(d), e => e.Field == "spec.template.metadata.labels");
    }

    [Theory]
    [InlineData("missing", "spec.selector", "FieldValueRequired")]
    [InlineData("empty", "spec.selector", "FieldValueInvalid")]
    [InlineData("badOperator", "spec.selector.matchExpressions[0].operator", "FieldValueInvalid")]
    [InlineData("restartNever", "spec.template.spec.restartPolicy", "FieldValueNotSupported")]
    [InlineData("negativeReplicas", "spec.replicas", "FieldValueInvalid")]
    [InlineData("bothZero", "spec.strategy.rollingUpdate.maxUnavailable", "FieldValueInvalid")]
    [InlineData("recreateWithRolling", "spec.strategy.rollingUpdate", "FieldValueForbidden")]
    [InlineData("deadline", "spec.progressDeadlineSeconds", "FieldValueInvalid")]
    [InlineData("activeDeadline", "spec.template.spec.activeDeadlineSeconds", "FieldValueInvalid")]
    public void Validate_BrokenRule_ErrorOnItsField(string broken, string field, string type)
    {
        Deployment d = Minimal();
        switch (broken)
        {
            case "missing": d.Spec.Selector = null; break;
            case "empty": d.Spec.Selector = new LabelSelector(); break;
            case "badOperator": d.Spec.Selector!.MatchExpressions = [new LabelSelectorRequirement { Key = "a", Operator = "Is" }]; break;
            case "restartNever": d.Spec.Template.Spec.RestartPolicy = "Never"; break;
            case "negativeReplicas": d.Spec.Replicas = -1; break;
            case "bothZero": d.Spec.Strategy = new DeploymentStrategy { RollingUpdate = new() { MaxSurge = 0, MaxUnavailable = IntOrString.FromString("0%") } }; break;
            case "recreateWithRolling": d.Spec.Strategy = new DeploymentStrategy { Type = "Recreate", RollingUpdate = new() }; break;
            case "deadline": d.Spec.MinReadySeconds = 600; break;
            case "activeDeadline": d.Spec.Template.Spec.ActiveDeadlineSeconds = 10; break;
        }

        FieldErrorList errors = Validate(d);

        Assert.Contains(errors, e => e.Field == field && e.Type == type);
    }

    [Fact]
    public void ValidateUpdate_SelectorChanged_Immutable()
    {
        Deployment old = Minimal();
        s_strategy.ApplyDefaults(old);
        Deployment updated = Minimal();
        updated.Spec.Selector!.MatchLabels!["tier"] = "x";
        updated.Spec.Template.Metadata.Labels!["tier"] = "x";
        s_strategy.ApplyDefaults(updated);
        var errors = new FieldErrorList();

        s_strategy.ValidateUpdate(updated, old, errors);

        FieldError error = Assert.Single(errors);
        Assert.Equal("spec.selector", error.Field);
        Assert.EndsWith("field is immutable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateUpdate_ReplicasAndImageChanged_Allowed()
    {
        Deployment old = Minimal();
        s_strategy.ApplyDefaults(old);
        Deployment updated = Minimal();
        updated.Spec.Replicas = 5;
        updated.Spec.Template.Spec.Containers[0].Image = "nginx:1.28";
        s_strategy.ApplyDefaults(updated);
        var errors = new FieldErrorList();

        s_strategy.ValidateUpdate(updated, old, errors);

        Assert.Empty(errors);
    }

    [Fact]
    public void TableRow_Deployment_ReadyUpToDateAvailableAndWideCells()
    {
        Deployment d = Decode(Manifests.WebDeployment);
        d.Metadata.CreationTimestamp = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var cells = new List<object?>();

        s_strategy.TableRow(d, d.Metadata.CreationTimestamp.Value.AddMinutes(5), cells);

        Assert.Equal(s_strategy.Columns.Count, cells.Count);
        Assert.Equal<object?>(["2/3", 3, 2, "5m", "web,grpc-health", "registry.example.com/shop/web:1.4.2,ghcr.io/example/health@sha256:0123456789abcdef",
            "app.kubernetes.io/name=web,tier in (edge,frontend)"], cells);
        Assert.Equal(["Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"], s_strategy.Columns.Select(c => c.Name));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1], s_strategy.Columns.Select(c => c.Priority));
    }

    [Fact]
    public void Scale_Deployment_ReadsAndWritesReplicasWithKubernetesSelectorString()
    {
        Deployment d = Minimal();
        d.Spec.Selector!.MatchExpressions = [new LabelSelectorRequirement { Key = "canary", Operator = "DoesNotExist" }];
        d.Status.Replicas = 2;

        s_strategy.Scale!.SetReplicas(d, 4);

        Assert.Equal(4, s_strategy.Scale.GetReplicas(d));
        Assert.Equal(2, s_strategy.Scale.GetStatusReplicas(d));
        Assert.Equal("app=web,!canary", s_strategy.Scale.GetSelector(d));
    }

    [Fact]
    public void PrepareForUpdate_StatusSubresource_KeepsOldStatus()
    {
        Deployment old = Minimal();
        old.Status.ReadyReplicas = 3;
        Deployment updated = Minimal();
        updated.Status.ReadyReplicas = 99;

        s_strategy.PrepareForUpdate(updated, old);

        Assert.Equal(3, updated.Status.ReadyReplicas);
        Assert.Same(updated.Spec, s_strategy.GetSpec(updated));
    }
}
