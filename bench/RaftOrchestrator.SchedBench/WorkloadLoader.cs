using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// Reads bench/scheduler-workloads.yaml: YAML to a JSON tree (<see cref="YamlJson"/>), then into
/// <see cref="WorkloadFile"/> with unknown fields refused, so a misspelt knob is an error rather than a default.
/// Each case is checked here (and its Pod template decoded once, by <see cref="PodBodies"/>) before any
/// process starts.
/// </summary>
internal static class WorkloadLoader
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static IReadOnlyList<WorkloadCase> Load(string path)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ArgumentException($"{path}: {e.Message}", e);
        }
        if (yaml.Documents.Count != 1)
        {
            throw new ArgumentException($"{path}: expected one YAML document, found {yaml.Documents.Count}");
        }
        WorkloadFile? file;
        try
        {
            JsonNode? tree = YamlJson.Convert(yaml.Documents[0].RootNode);
            file = tree.Deserialize<WorkloadFile>(s_options);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new ArgumentException($"{path}: {e.Message}", e);
        }
        List<WorkloadCase> cases = file?.Cases ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (WorkloadCase c in cases)
        {
            if (Problem(c) is { } problem)
            {
                throw new ArgumentException($"{path}: case \"{c.Name}\": {problem}");
            }
            if (!names.Add(c.Name))
            {
                throw new ArgumentException($"{path}: case \"{c.Name}\" appears twice");
            }
        }
        return cases;
    }

    private static string? Problem(WorkloadCase c)
    {
        if (string.IsNullOrWhiteSpace(c.Name))
        {
            return "a case needs a name";
        }
        if (c.Nodes.Count < 1 || c.Nodes.Count > 100_000)
        {
            return "nodes.count must be 1..100,000";
        }
        if (c.Nodes.Zones < 1 || c.Nodes.LabelSets.Any(set => set.Every < 1))
        {
            return "nodes.zones and nodes.labelSets[].every must be at least 1";
        }
        if (c.Pods.Count < 1 || c.Pods.Count > 1_000_000 || c.Pods.InitCount < 0 || c.Pods.InitCount > 1_000_000)
        {
            return "pods.count must be 1..1,000,000 and pods.initCount 0..1,000,000";
        }
        if (c.Pods.Namespaces < 1 || c.Pods.Groups < 1)
        {
            return "pods.namespaces and pods.groups must be at least 1";
        }
        if (c.TimeoutSeconds <= 0)
        {
            return "timeoutSeconds must be positive";
        }
        return PodBodies.TemplateProblem(c.Pods);
    }
}
