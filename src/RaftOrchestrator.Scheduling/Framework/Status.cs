namespace RaftOrchestrator.Scheduling.Framework;

/// <summary>
/// A plugin's verdict: code, reasons (shown in FitError and events) and the plugin that produced it. Immutable, so a
/// plugin may keep one instance per common reason and return it for every node (no allocation per node).
/// </summary>
public sealed class Status
{
    private Status(StatusCode code, string[] reasons, string? plugin)
    {
        Code = code;
        Reasons = reasons;
        Plugin = plugin;
    }

    public static Status Success { get; } = new(StatusCode.Success, [], null);

    public static Status SkipStatus { get; } = new(StatusCode.Skip, [], null);

    public StatusCode Code { get; }

    public IReadOnlyList<string> Reasons { get; }

    /// <summary>The plugin that failed (set by the plugin or by the framework when it runs the plugin).</summary>
    public string? Plugin { get; }

    public bool IsSuccess => Code == StatusCode.Success;

    public bool IsSkip => Code == StatusCode.Skip;

    /// <summary>Unschedulable or UnschedulableAndUnresolvable: the node (or every node) rejected the pod.</summary>
    public bool IsRejected => Code is StatusCode.Unschedulable or StatusCode.UnschedulableAndUnresolvable;

    /// <summary>The reasons joined as kube-scheduler's Status.Message does.</summary>
    public string Message => string.Join(", ", Reasons);

    public static Status Create(StatusCode code, string? plugin, params string[] reasons) => new(code, reasons, plugin);

    public static Status Unschedulable(string plugin, params string[] reasons) => new(StatusCode.Unschedulable, reasons, plugin);

    public static Status Unresolvable(string plugin, params string[] reasons) => new(StatusCode.UnschedulableAndUnresolvable, reasons, plugin);

    public static Status Error(string plugin, string reason) => new(StatusCode.Error, [reason], plugin);

    public static Status Wait(string plugin) => new(StatusCode.Wait, [], plugin);

    /// <summary>This status attributed to <paramref name="plugin"/>; the same instance when it already is.</summary>
    public Status WithPlugin(string plugin) =>
        Plugin == plugin || Code == StatusCode.Success ? this : new Status(Code, (string[])Reasons, plugin);

    public override string ToString() => Plugin is null ? $"{Code}: {Message}" : $"{Code} ({Plugin}): {Message}";
}
