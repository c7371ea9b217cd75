using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Tests.Core;

public sealed class PodResourceStrategyTests
{
    private static readonly PodResourceStrategy s_strategy = new();

    private static Pod Created(Action<Pod>? change = null)
    {
        Pod pod = PodFixtures.Minimal();
        change?.Invoke(pod);
        s_strategy.ApplyDefaults(pod);
        s_strategy.PrepareForCreate(pod);
        return pod;
    }

    [Fact]
    public void PrepareForCreate_ClientStatus_ReplacedByPendingWithQos()
    {
        Pod pod = Created(p => p.Status = new PodStatus { Phase = "Running", PodIP = "10.0.0.1" });

        Assert.Equal("Pending", pod.Status.Phase);
        Assert.Null(pod.Status.PodIP);
        Assert.Equal("BestEffort", pod.Status.QosClass);
    }

    [Theory]
    [InlineData("", "", "BestEffort")]
    [InlineData("cpu=100m", "", "Burstable")]
    [InlineData("", "cpu=1,memory=1Gi", "Guaranteed")]
    [InlineData("cpu=1,memory=512Mi", "cpu=1,memory=1Gi", "Burstable")]
    [InlineData("", "cpu=1", "Burstable")]
    [InlineData("ephemeral-storage=1Gi", "ephemeral-storage=1Gi", "BestEffort")]
    [InlineData("cpu=0", "", "BestEffort")]
    [InlineData("cpu=1000m,memory=1Gi", "cpu=1,memory=1024Mi", "Guaranteed")]
    public void PrepareForCreate_Resources_QosAsKubernetes(string requests, string limits, string expected)
    {
        static Dictionary<string, Meta.Quantity>? Parse(string text) => text.Length == 0 ? null
            : text.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => new Meta.Quantity(p[1]));

        Pod pod = Created(p => p.Spec.Containers[0].Resources = new() { Requests = Parse(requests), Limits = Parse(limits) });

        Assert.Equal(expected, pod.Status.QosClass);
    }

    [Fact]
    public void PrepareForCreate_GuaranteedAndBestEffortContainers_Burstable()
    {
        Pod pod = Created(p => p.Spec.Containers.Add(new Container
        {
            Name = "side", Image = "x", Resources = new() { Limits = new() { ["cpu"] = "1", ["memory"] = "1Gi" } },
        }));

        Assert.Equal("Burstable", pod.Status.QosClass);
    }

    private static FieldErrorList Update(Action<PodSpec> change)
    {
        Pod old = Created();
        old.Spec.ActiveDeadlineSeconds = 600;
        old.Spec.Tolerations = [new Toleration { Key = "a", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 60 }];
        Pod updated = Created();
        updated.Spec.ActiveDeadlineSeconds = 600;
        updated.Spec.Tolerations = [new Toleration { Key = "a", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 60 }];
        change(updated.Spec);
        s_strategy.ApplyDefaults(updated);
        var errors = new FieldErrorList();
        s_strategy.ValidateUpdate(updated, old, errors);
        return errors;
    }

    [Fact]
    public void ValidateUpdate_AllowedChanges_NoErrors()
    {
        FieldErrorList errors = Update(spec =>
        {
            spec.Containers[0].Image = "nginx:1.28";
            spec.ActiveDeadlineSeconds = 300;
            spec.Tolerations![0].TolerationSeconds = 30;
            spec.Tolerations.Add(new Toleration { Key = "b", Operator = "Exists" });
        });

        Assert.Empty(errors);
    }

    [Fact]
    public void ValidateUpdate_OtherSpecField_ForbiddenNamingUpdatableFields()
    {
        FieldErrorList errors = Update(spec => spec.Containers[0].Command = ["sh"]);

        FieldError error = Assert.Single(errors);
        Assert.Equal(("spec", "FieldValueForbidden"), (error.Field, error.Type));
        Assert.StartsWith("Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("addContainer", "spec", "FieldValueForbidden")]
    [InlineData("nodeName", "spec", "FieldValueForbidden")]
    [InlineData("grace", "spec", "FieldValueForbidden")]
    [InlineData("deadlineUp", "spec.activeDeadlineSeconds", "FieldValueInvalid")]
    [InlineData("deadlineUnset", "spec.activeDeadlineSeconds", "FieldValueInvalid")]
    [InlineData("tolerationRemoved", "spec.tolerations", "FieldValueForbidden")]
    [InlineData("tolerationChanged", "spec.tolerations", "FieldValueForbidden")]
    [InlineData("emptyImage", "spec.containers[0].image", "FieldValueRequired")]
    public void ValidateUpdate_ForbiddenChange_ErrorOnItsField(string change, string field, string type)
    {
        FieldErrorList errors = Update(spec =>
        {
            switch (change)
            {
                case "addContainer": spec.Containers.Add(new Container { Name = "b", Image = "x" }); break;
                case "nodeName": spec.NodeName = "node-1"; break;
                case "grace": spec.TerminationGracePeriodSeconds = 10; break;
                case "deadlineUp": spec.ActiveDeadlineSeconds = 900; break;
                case "deadlineUnset": spec.ActiveDeadlineSeconds = null; break;
                case "tolerationRemoved": spec.Tolerations!.Clear(); break;
                case "tolerationChanged": spec.Tolerations![0].Effect = "NoSchedule"; spec.Tolerations[0].TolerationSeconds = null; break;
                case "emptyImage": spec.Containers[0].Image = ""; break;
            }
        });

        Assert.Contains(errors, e => e.Field == field && e.Type == type);
    }

    [Fact]
    public void PrepareForUpdate_MainResource_KeepsStatus()
    {
        Pod old = Created();
        old.Status.PodIP = "10.1.2.3";
        Pod updated = Created();

        s_strategy.PrepareForUpdate(updated, old);

        Assert.Equal("10.1.2.3", updated.Status.PodIP);
        Assert.True(s_strategy.HasStatusSubresource);
        Assert.Same(updated.Spec, s_strategy.GetSpec(updated));
    }

    [Theory]
    [InlineData("spec.nodeName", "node-1")]
    [InlineData("spec.restartPolicy", "Always")]
    [InlineData("spec.schedulerName", "default-scheduler")]
    [InlineData("spec.serviceAccountName", "builder")]
    [InlineData("spec.hostNetwork", "true")]
    [InlineData("status.phase", "Running")]
    [InlineData("status.podIP", "10.0.0.7")]
    [InlineData("status.nominatedNodeName", "node-2")]
    public void TryGetField_SetField_ItsValue(string field, string expected)
    {
        Pod pod = Created(p =>
        {
            p.Spec.NodeName = "node-1";
            p.Spec.ServiceAccountName = "builder";
            p.Spec.HostNetwork = true;
        });
        pod.Status = new PodStatus { Phase = "Running", PodIP = "10.0.0.9", PodIPs = [new PodIP { IP = "10.0.0.7" }], NominatedNodeName = "node-2" };

        Assert.True(s_strategy.TryGetField(pod, field, out string? value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("spec.nodeName", "")]
    [InlineData("spec.serviceAccountName", "")]
    [InlineData("spec.hostNetwork", "false")]
    [InlineData("status.podIP", "")]
    [InlineData("status.nominatedNodeName", "")]
    public void TryGetField_MissingValue_Empty(string field, string expected)
    {
        Pod pod = PodFixtures.Minimal();

        Assert.True(s_strategy.TryGetField(pod, field, out string? value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryGetField_UnknownField_False() => Assert.False(s_strategy.TryGetField(PodFixtures.Minimal(), "spec.containers", out _));
}
