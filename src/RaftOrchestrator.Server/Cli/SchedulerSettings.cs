using System.Diagnostics.CodeAnalysis;
using RaftOrchestrator.Controllers.Scheduler;
using RaftOrchestrator.Scheduling.Framework;

namespace RaftOrchestrator.Server.Cli;

/// <summary>The scheduler flags shared by `rorch server` and `rorch scheduler`: the configuration file and the binder.</summary>
internal static class SchedulerSettings
{
    public const string BinderValues = "pod-binding (pods/binding, one call per pod) or binding-batch (BindingBatch, one Raft entry per batch)";

    /// <summary>Options from a KubeSchedulerConfiguration file (null: the default profile) and a binder name.</summary>
    public static bool TryBuild(string? configFile, string? binder, [NotNullWhen(true)] out SchedulerOptions? options, [NotNullWhen(false)] out string? error)
    {
        options = null;
        if (!Binders.TryParse(binder ?? "binding-batch", out BinderKind kind))
        {
            error = $"the binder is {BinderValues}, not {binder}";
            return false;
        }
        options = new SchedulerOptions { Binder = kind };
        if (configFile is null)
        {
            error = null;
            return true;
        }
        string text;
        try
        {
            text = File.ReadAllText(configFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            options = null;
            error = $"{configFile}: {e.Message}";
            return false;
        }
        if (!SchedulerConfiguration.TryParse(text, out IReadOnlyList<SchedulerProfile>? profiles, out string? parseError))
        {
            options = null;
            error = $"{configFile}: {parseError}";
            return false;
        }
        options = options with { Profiles = profiles };
        error = null;
        return true;
    }
}
