using System.Globalization;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Apps;

/// <summary>
/// Deployments: apps/v1 defaults (1 replica, RollingUpdate 25%/25%, 10 old ReplicaSets kept, a 600 s progress
/// deadline), the selector rules shared with ReplicaSet, and the rollout strategy's validation.
/// </summary>
public sealed class DeploymentResourceStrategy : ResourceStrategy<Deployment>
{
    private const string PercentMessage = "a valid percent string must be a numeric string followed by an ending '%' "
        + "(e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

    private static readonly string[] s_strategyTypes = ["Recreate", "RollingUpdate"];

    public override void ApplyDefaults(Deployment value)
    {
        DeploymentSpec spec = value.Spec;
        spec.Replicas ??= 1;
        spec.Strategy ??= new DeploymentStrategy();
        if (string.IsNullOrEmpty(spec.Strategy.Type))
        {
            spec.Strategy.Type = "RollingUpdate";
        }
        if (spec.Strategy.Type == "RollingUpdate")
        {
            spec.Strategy.RollingUpdate ??= new RollingUpdateDeployment();
            spec.Strategy.RollingUpdate.MaxUnavailable ??= IntOrString.FromString("25%");
            spec.Strategy.RollingUpdate.MaxSurge ??= IntOrString.FromString("25%");
        }
        spec.RevisionHistoryLimit ??= 10;
        spec.ProgressDeadlineSeconds ??= 600;
        PodTemplateRules.ApplyDefaults(spec.Template);
    }

    public override void PrepareForCreate(Deployment value) => value.Status = new DeploymentStatus();

    public override void Validate(Deployment value, FieldErrorList errors)
    {
        DeploymentSpec spec = value.Spec;
        PodTemplateRules.NonNegative("spec.replicas", spec.Replicas, errors);
        PodTemplateRules.NonNegative("spec.minReadySeconds", spec.MinReadySeconds, errors);
        PodTemplateRules.NonNegative("spec.revisionHistoryLimit", spec.RevisionHistoryLimit, errors);
        AppsSelectorRules.ValidateSelectorAndTemplate(spec.Selector, spec.Template, "deployment", "ReplicaSet", errors);
        ValidateStrategy(spec.Strategy, errors);
        if (spec.ProgressDeadlineSeconds is { } deadline)
        {
            PodTemplateRules.NonNegative("spec.progressDeadlineSeconds", deadline, errors);
            if (deadline <= (spec.MinReadySeconds ?? 0))
            {
                errors.Invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds");
            }
        }
    }

    public override void ValidateUpdate(Deployment value, Deployment old, FieldErrorList errors)
    {
        Validate(value, errors);
        AppsSelectorRules.ValidateImmutable(value.Spec.Selector, old.Spec.Selector, errors);
    }

    private static void ValidateStrategy(DeploymentStrategy? strategy, FieldErrorList errors)
    {
        switch (strategy?.Type)
        {
            case null or "":
                errors.Required("spec.strategy.type");
                break;
            case "Recreate" when strategy.RollingUpdate is not null:
                errors.Forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'");
                break;
            case "RollingUpdate" when strategy.RollingUpdate is { } rolling:
                int unavailable = Bound(rolling.MaxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable", errors);
                int surge = Bound(rolling.MaxSurge, "spec.strategy.rollingUpdate.maxSurge", errors);
                if (unavailable == 0 && surge == 0)
                {
                    errors.Invalid("spec.strategy.rollingUpdate.maxUnavailable", rolling.MaxUnavailable?.ToString(), "may not be 0 when `maxSurge` is 0");
                }
                break;
            case "Recreate" or "RollingUpdate":
                break;
            default:
                errors.NotSupported("spec.strategy.type", strategy.Type, s_strategyTypes);
                break;
        }
    }

    /// <summary>Checks an absolute or percentage bound and returns it scaled to 100 replicas (0 means "zero"), -1 if invalid.</summary>
    private static int Bound(IntOrString? bound, string field, FieldErrorList errors)
    {
        if (bound is not { } value)
        {
            return 0;
        }
        if (!value.TryScale(100, roundUp: true, out int scaled))
        {
            errors.Invalid(field, value.StringValue, PercentMessage);
            return -1;
        }
        if (scaled < 0)
        {
            errors.Invalid(field, value.IntValue, "must be greater than or equal to 0");
        }
        else if (!value.IsInt && scaled > 100)
        {
            errors.Invalid(field, value.StringValue, "must not be greater than 100%");
        }
        return scaled;
    }

    public override object? GetSpec(Deployment value) => value.Spec;

    public override bool HasStatusSubresource => true;

    public override void CopyStatus(Deployment source, Deployment target) => target.Status = source.Status;

    public override ScaleAccess<Deployment>? Scale { get; } = new(
        d => d.Spec.Replicas ?? 1,
        (d, replicas) => d.Spec.Replicas = replicas,
        d => d.Status.Replicas ?? 0,
        d => WorkloadSelector.Format(d.Spec.Selector));

    public override IReadOnlyList<TableColumn> Columns { get; } =
    [
        TableColumn.Text("Ready", "Number of the pod with ready state"),
        TableColumn.Number("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
        TableColumn.Number("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
        TableColumn.Age,
        .. PodTemplateRules.WideColumns,
    ];

    public override void TableRow(Deployment value, DateTime now, List<object?> cells)
    {
        DeploymentStatus status = value.Status;
        cells.Add($"{(status.ReadyReplicas ?? 0).ToString(CultureInfo.InvariantCulture)}/{(value.Spec.Replicas ?? 1).ToString(CultureInfo.InvariantCulture)}");
        cells.Add(status.UpdatedReplicas ?? 0);
        cells.Add(status.AvailableReplicas ?? 0);
        cells.Add(TableFormat.Age(value.Metadata.CreationTimestamp, now));
        cells.Add(PodTemplateRules.Containers(value.Spec.Template));
        cells.Add(PodTemplateRules.Images(value.Spec.Template));
        cells.Add(AppsSelectorRules.TableSelector(value.Spec.Selector));
    }
}
