using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class ReplicationControllerResourceStrategyTests
{
    private static readonly ReplicationControllerResourceStrategy s_strategy = new();

    private static ReplicationController Minimal() => new()
    {
        Metadata = { Name = "web", Namespace = "default", CreationTimestamp = PodFixtures.Created },
        Spec =
        {
            Template = new PodTemplateSpec
            {
                Metadata = { Labels = new() { ["app"] = "web" } },
                Spec = { Containers = [new Container { Name = "web", Image = "nginx" }] },
            },
        },
    };

    private static FieldErrorList Validate(ReplicationController rc)
    {
        s_strategy.ApplyDefaults(rc);
        var errors = new FieldErrorList();
        s_strategy.Validate(rc, errors);
        return errors;
    }

    [Fact]
    public void ApplyDefaults_NoSelectorNorLabels_TakenFromTemplate()
    {
        ReplicationController rc = Minimal();

        s_strategy.ApplyDefaults(rc);

        Assert.Equal(1, rc.Spec.Replicas);
        Assert.Equal("web", rc.Spec.Selector!["app"]);
        Assert.Equal("web", rc.Metadata.Labels!["app"]);
        Assert.Equal("ClusterFirst", rc.Spec.Template!.Spec.DnsPolicy);
        Assert.Empty(Validate(rc));
    }

    [Fact]
    public void ApplyDefaults_OwnSelectorAndLabels_Kept()
    {
        ReplicationController rc = Minimal();
        rc.Spec.Selector = new() { ["app"] = "web" };
        rc.Spec.Template!.Metadata.Labels!["tier"] = "front";
        rc.Metadata.Labels = new() { ["team"] = "a" };

        s_strategy.ApplyDefaults(rc);

        Assert.Single(rc.Spec.Selector);
        Assert.Equal("a", Assert.Single(rc.Metadata.Labels).Value);
    }

    [Fact]
    public void Validate_NoSelectorAndUnlabelledTemplate_SelectorRequired()
    {
        ReplicationController rc = Minimal();
        rc.Spec.Template!.Metadata.Labels = null;

        Assert.Contains(Validate(rc), e => e.Field == "spec.selector" && e.Type == "FieldValueRequired");
    }

    [Fact]
    public void Validate_SelectorNotMatchingTemplate_ErrorOnTemplateLabels()
    {
        ReplicationController rc = Minimal();
        rc.Spec.Selector = new() { ["app"] = "api" };

        FieldError error = Assert.Single(Validate(rc));

        Assert.Equal("spec.template.metadata.labels", error.Field);
        Assert.EndsWith("`selector` does not match template `labels`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("noTemplate", "spec.template", "FieldValueRequired")]
    [InlineData("onFailure", "spec.template.spec.restartPolicy", "FieldValueNotSupported")]
    [InlineData("deadline", "spec.template.spec.activeDeadlineSeconds", "FieldValueInvalid")]
    [InlineData("replicas", "spec.replicas", "FieldValueInvalid")]
    [InlineData("noImage", "spec.template.spec.containers[0].image", "FieldValueRequired")]
    public void Validate_BrokenRule_ErrorOnItsField(string broken, string field, string type)
    {
        ReplicationController rc = Minimal();
        rc.Spec.Selector = new() { ["app"] = "web" };
        switch (broken)
        {
            case "noTemplate": rc.Spec.Template = null; break;
            case "onFailure": rc.Spec.Template!.Spec.RestartPolicy = "OnFailure"; break;
            case "deadline": rc.Spec.Template!.Spec.ActiveDeadlineSeconds = 5; break;
            case "replicas": rc.Spec.Replicas = -2; break;
            case "noImage": rc.Spec.Template!.Spec.Containers[0].Image = null; break;
        }

        FieldErrorList errors = Validate(rc);

        Assert.Contains(errors, e => e.Field == field && e.Type == type);
        if (broken == "deadline")
        {
            Assert.Contains(errors, e => e.Message.EndsWith("activeDeadlineSeconds in ReplicationController is not Supported", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Scale_Rc_EqualitySelectorString()
    {
        ReplicationController rc = Minimal();
        rc.Spec.Selector = new() { ["tier"] = "front", ["app"] = "web" };

        s_strategy.Scale!.SetReplicas(rc, 0);

        Assert.Equal(0, s_strategy.Scale.GetReplicas(rc));
        Assert.Equal("app=web,tier=front", s_strategy.Scale.GetSelector(rc));
    }

    [Fact]
    public void TableRow_Rc_DesiredCurrentReadyAndSelector()
    {
        ReplicationController rc = Minimal();
        s_strategy.ApplyDefaults(rc);
        rc.Status.Replicas = 1;
        var cells = new List<object?>();

        s_strategy.TableRow(rc, PodFixtures.Created.AddDays(3), cells);

        Assert.Equal<object?>([1, 1, 0, "3d", "web", "nginx", "app=web"], cells);
    }
}
