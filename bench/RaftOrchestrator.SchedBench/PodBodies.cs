using System.Globalization;
using System.Text.Json;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// The pods of a case as MessagePack request bodies, built before the clock starts so that encoding is not
/// measured. Pod i is named <see cref="Name"/>(i), lives in namespace <see cref="Namespace"/>, and comes from the
/// template with "{{group}}" replaced by g(i mod groups); the template is read with the model's strict JSON
/// reader, so an unknown field in it is an error.
/// </summary>
internal static class PodBodies
{
    public const string GroupPlaceholder = "{{group}}";

    public const string MeasuredPrefix = "pod-";
    public const string InitPrefix = "init-";

    public static string Name(int index) => string.Create(CultureInfo.InvariantCulture, $"pod-{index:D6}");

    public static string Namespace(PodShape shape, int index) => NamespaceName(index % shape.Namespaces);

    public static string NamespaceName(int n) => string.Create(CultureInfo.InvariantCulture, $"sched-{n}");

    /// <summary>The pod's index from its name, or -1 for a pod this benchmark did not create.</summary>
    public static int IndexOf(ReadOnlySpan<char> name) =>
        name.StartsWith(MeasuredPrefix) && int.TryParse(name[MeasuredPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? index : -1;

    public static string? TemplateProblem(PodShape shape)
    {
        try
        {
            _ = Prototype(shape, 0);
            return null;
        }
        catch (JsonException e)
        {
            return $"pods.template: {e.Message}";
        }
    }

    /// <summary>The measured pods (pod-000000..), or with <paramref name="init"/> the init pods (init-000000..).</summary>
    public static byte[][] Build(PodShape shape, bool init)
    {
        Pod[] prototypes = [.. Enumerable.Range(0, shape.Groups).Select(g => Prototype(shape, g))];
        var bodies = new byte[init ? shape.InitCount : shape.Count][];
        for (int i = 0; i < bodies.Length; i++)
        {
            Pod pod = prototypes[i % shape.Groups];
            pod.Metadata.Name = init ? string.Create(CultureInfo.InvariantCulture, $"{InitPrefix}{i:D6}") : Name(i);
            pod.Metadata.Namespace = Namespace(shape, i);
            bodies[i] = ApiMessagePack.Serialize(pod);
        }
        return bodies;
    }

    private static Pod Prototype(PodShape shape, int group)
    {
        string json = shape.Template.ToJsonString().Replace(GroupPlaceholder, string.Create(CultureInfo.InvariantCulture, $"g{group}"), StringComparison.Ordinal);
        Pod pod = JsonSerializer.Deserialize(json, ApiJson.TypeInfo<Pod>(strict: true)) ?? throw new JsonException("the template is null");
        pod.ApiVersion = "v1";
        pod.Kind = "Pod";
        pod.Metadata.GenerateName = null;
        pod.Spec.NodeName = null;
        return pod;
    }
}
