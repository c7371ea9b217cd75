using System.Text.Json.Serialization;

namespace RaftOrchestrator.Chaos.History;

/// <summary>A Deployment's desired replica count ("namespace/name" identifies it, as in <see cref="PodObservation.Deployment"/>).</summary>
public sealed record DeploymentObservation(string Namespace, string Name, int SpecReplicas)
{
    [JsonIgnore]
    public string Id => Namespace + "/" + Name;
}
