using System.Globalization;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Registration;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

/// <summary>Limit ranges: for every resource, min &lt;= defaultRequest &lt;= default &lt;= max, and limit/request ratios of at least 1.</summary>
public sealed class LimitRangeResourceStrategy : ResourceStrategy<LimitRange>
{
    public static IReadOnlyList<string> Types { get; } = ["Container", "PersistentVolumeClaim", "Pod"];

    public override IReadOnlyList<TableColumn> Columns { get; } =
        [new TableColumn("Created At", "date", "", "CreationTimestamp is a timestamp representing the server time when this object was created.")];

    public override void Validate(LimitRange value, FieldErrorList errors)
    {
        List<LimitRangeItem> limits = value.Spec?.Limits ?? [];
        for (int i = 0; i < limits.Count; i++)
        {
            Item($"spec.limits[{i}]", limits[i], errors);
        }
    }

    public override object? GetSpec(LimitRange value) => value.Spec;

    /// <summary>The creation time in RFC 3339, which kubectl prints as is.</summary>
    public override void TableRow(LimitRange value, DateTime now, List<object?> cells) =>
        cells.Add(value.Metadata.CreationTimestamp?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "");

    private static void Item(string field, LimitRangeItem item, FieldErrorList errors)
    {
        if (!Types.Contains(item.Type))
        {
            errors.NotSupported($"{field}.type", item.Type, Types);
        }
        if (item.Type == "Pod")
        {
            if (item.Default is { Count: > 0 })
            {
                errors.Forbidden($"{field}.default", "may not be specified when `type` is 'Pod'");
            }
            if (item.DefaultRequest is { Count: > 0 })
            {
                errors.Forbidden($"{field}.defaultRequest", "may not be specified when `type` is 'Pod'");
            }
        }
        ResourceQuotaResourceStrategy.ResourceList($"{field}.max", item.Max, errors);
        ResourceQuotaResourceStrategy.ResourceList($"{field}.min", item.Min, errors);
        ResourceQuotaResourceStrategy.ResourceList($"{field}.default", item.Default, errors);
        ResourceQuotaResourceStrategy.ResourceList($"{field}.defaultRequest", item.DefaultRequest, errors);
        foreach ((string resource, Quantity minimum) in item.Min ?? [])
        {
            if (Greater(minimum, item.Max, resource) is { } max)
            {
                errors.Invalid($"{field}.min[{resource}]", minimum.Text, $"min value {minimum} is greater than max value {max}");
            }
        }
        foreach ((string resource, Quantity limit) in item.Default ?? [])
        {
            if (Greater(limit, item.Max, resource) is { } max)
            {
                errors.Invalid($"{field}.default[{resource}]", limit.Text, $"default value {limit} is greater than max value {max}");
            }
            if (Less(limit, item.Min, resource) is { } min)
            {
                errors.Invalid($"{field}.default[{resource}]", limit.Text, $"min value {min} is greater than default value {limit}");
            }
        }
        foreach ((string resource, Quantity request) in item.DefaultRequest ?? [])
        {
            if (Greater(request, item.Max, resource) is { } max)
            {
                errors.Invalid($"{field}.defaultRequest[{resource}]", request.Text, $"default request value {request} is greater than max value {max}");
            }
            if (Less(request, item.Min, resource) is { } min)
            {
                errors.Invalid($"{field}.defaultRequest[{resource}]", request.Text, $"min value {min} is greater than default request value {request}");
            }
            if (Greater(request, item.Default, resource) is { } limit)
            {
                errors.Invalid($"{field}.defaultRequest[{resource}]", request.Text, $"default request value {request} is greater than default limit value {limit}");
            }
        }
        foreach ((string resource, Quantity ratio) in item.MaxLimitRequestRatio ?? [])
        {
            if (Quantity.TryParse(ratio.Text, out decimal r) && r < 1)
            {
                errors.Invalid($"{field}.maxLimitRequestRatio[{resource}]", ratio.Text, $"ratio {ratio} is less than 1");
            }
        }
    }

    /// <summary>The bound in <paramref name="bounds"/> that <paramref name="value"/> exceeds, or null.</summary>
    private static Quantity? Greater(Quantity value, Dictionary<string, Quantity>? bounds, string resource) =>
        bounds?.TryGetValue(resource, out Quantity bound) == true && Compare(value, bound) > 0 ? (Quantity?)bound : null;

    /// <summary>The bound in <paramref name="bounds"/> that <paramref name="value"/> falls below, or null.</summary>
    private static Quantity? Less(Quantity value, Dictionary<string, Quantity>? bounds, string resource) =>
        bounds?.TryGetValue(resource, out Quantity bound) == true && Compare(value, bound) < 0 ? (Quantity?)bound : null;

    private static int Compare(Quantity a, Quantity b) =>
        Quantity.TryParse(a.Text, out decimal x) && Quantity.TryParse(b.Text, out decimal y) ? x.CompareTo(y) : 0;
}
