using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Scheduling;
using RaftOrchestrator.Scheduling.Framework;
using RaftOrchestrator.Scheduling.Plugins;
using RaftOrchestrator.Scheduling.Plugins.NodeResources;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// Reads a KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1, YAML or JSON) into profiles. Supported:
/// top-level and per-profile percentageOfNodesToScore; per profile schedulerName, plugins.multiPoint.enabled
/// (name, weight) and .disabled (a name, or "*" for all defaults), plugins.score.enabled weights, and pluginConfig
/// args of NodeResourcesFit (scoringStrategy type and resources). Each profile starts from the default plugin set,
/// as kube-scheduler's do. Anything else that would change behaviour is reported, not ignored.
/// </summary>
public static class SchedulerConfiguration
{
    private static readonly string[] s_knownPoints = ["multiPoint", "score"];

    public static bool TryParse(string text, [NotNullWhen(true)] out IReadOnlyList<SchedulerProfile>? profiles, [NotNullWhen(false)] out string? error)
    {
        try
        {
            return TryParseDocument(text, out profiles, out error);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            // A value of the wrong type (a string where a number belongs, an object where a list does).
            profiles = null;
            error = e.Message;
            return false;
        }
    }

    private static bool TryParseDocument(string text, [NotNullWhen(true)] out IReadOnlyList<SchedulerProfile>? profiles, [NotNullWhen(false)] out string? error)
    {
        profiles = null;
        if (!YamlToJson.TryConvert(text, out JsonNode? root, out YamlConversionError? yamlError))
        {
            error = $"not YAML: {yamlError}";
            return false;
        }
        if (root is not JsonObject config)
        {
            error = "the configuration must be an object";
            return false;
        }
        if (config["kind"]?.GetValue<string>() is { } kind && kind != "KubeSchedulerConfiguration")
        {
            error = $"kind {kind}: expected KubeSchedulerConfiguration";
            return false;
        }
        int percentage = Int(config["percentageOfNodesToScore"]) ?? 0;
        var result = new List<SchedulerProfile>();
        JsonArray? list = config["profiles"] as JsonArray;
        if (list is null || list.Count == 0)
        {
            profiles = [DefaultProfile.Create() with { PercentageOfNodesToScore = percentage }];
            error = null;
            return true;
        }
        foreach (JsonNode? item in list)
        {
            if (item is not JsonObject profile)
            {
                error = "a profile must be an object";
                return false;
            }
            if (!TryProfile(profile, percentage, out SchedulerProfile? parsed, out string? profileError))
            {
                error = profileError ?? "invalid profile";
                return false;
            }
            if (result.Any(p => p.SchedulerName == parsed.SchedulerName))
            {
                error = $"profile {parsed.SchedulerName} is listed twice";
                return false;
            }
            result.Add(parsed);
        }
        profiles = result;
        error = null;
        return true;
    }

    private static bool TryProfile(JsonObject profile, int percentage, [NotNullWhen(true)] out SchedulerProfile? parsed, out string? error)
    {
        parsed = null;
        string name = profile["schedulerName"]?.GetValue<string>() ?? DefaultProfile.SchedulerName;
        var plugins = DefaultProfile.Create().Plugins.ToList();
        if (profile["plugins"] is JsonObject points)
        {
            foreach ((string point, JsonNode? _) in points)
            {
                if (!s_knownPoints.Contains(point))
                {
                    error = $"profile {name}: plugins.{point} is not supported (use multiPoint)";
                    return false;
                }
            }
            foreach (JsonNode? disabled in points["multiPoint"]?["disabled"] as JsonArray ?? [])
            {
                string plugin = disabled?["name"]?.GetValue<string>() ?? "";
                plugins.RemoveAll(p => plugin == "*" || p.Name == plugin);
            }
            foreach (JsonNode? enabled in (points["multiPoint"]?["enabled"] as JsonArray ?? []).Concat(points["score"]?["enabled"] as JsonArray ?? []))
            {
                string plugin = enabled?["name"]?.GetValue<string>() ?? "";
                int weight = Int(enabled?["weight"]) ?? 0;
                int at = plugins.FindIndex(p => p.Name == plugin);
                if (at >= 0)
                {
                    plugins[at] = plugins[at] with { Weight = weight > 0 ? weight : plugins[at].Weight };
                }
                else
                {
                    plugins.Add(new PluginRef(plugin, weight > 0 ? weight : 1));
                }
            }
        }
        foreach (JsonNode? config in profile["pluginConfig"] as JsonArray ?? [])
        {
            string plugin = config?["name"]?.GetValue<string>() ?? "";
            int at = plugins.FindIndex(p => p.Name == plugin);
            if (at < 0)
            {
                error = $"profile {name}: pluginConfig for {plugin}, which the profile does not enable";
                return false;
            }
            if (!TryArgs(plugin, config?["args"] as JsonObject, out object? args, out error))
            {
                error = $"profile {name}: {error}";
                return false;
            }
            plugins[at] = plugins[at] with { Args = args };
        }
        int own = Int(profile["percentageOfNodesToScore"]) ?? percentage;
        parsed = new SchedulerProfile(name, plugins) { PercentageOfNodesToScore = own };
        error = null;
        return true;
    }

    /// <summary>A YAML integer (the converter makes every integer a long).</summary>
    private static int? Int(JsonNode? node) => node is null ? null : checked((int)node.GetValue<long>());

    private static bool TryArgs(string plugin, JsonObject? args, out object? parsed, out string? error)
    {
        parsed = null;
        error = null;
        if (args is null)
        {
            return true;
        }
        if (plugin != PluginNames.NodeResourcesFit)
        {
            error = $"pluginConfig args of {plugin} are not supported";
            return false;
        }
        JsonNode? strategy = args["scoringStrategy"];
        string type = strategy?["type"]?.GetValue<string>() ?? nameof(ScoringStrategyType.LeastAllocated);
        if (!Enum.TryParse(type, ignoreCase: false, out ScoringStrategyType kind) || kind == ScoringStrategyType.RequestedToCapacityRatio)
        {
            error = $"NodeResourcesFit scoringStrategy.type {type}: LeastAllocated or MostAllocated";
            return false;
        }
        IReadOnlyList<ResourceSpec> resources = strategy?["resources"] is JsonArray list
            ? [.. list.Select(r => new ResourceSpec(r?["name"]?.GetValue<string>() ?? "", r?["weight"]?.GetValue<long>() ?? 1))]
            : ScoringStrategy.DefaultResources;
        parsed = new NodeResourcesFitArgs(new ScoringStrategy(kind, resources));
        return true;
    }
}
