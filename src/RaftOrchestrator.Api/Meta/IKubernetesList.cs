namespace RaftOrchestrator.Api.Meta;

/// <summary>A list of one kind (PodList, ...): list metadata plus the items.</summary>
public interface IKubernetesList<T> where T : IKubernetesObject
{
    string? ApiVersion { get; set; }

    string? Kind { get; set; }

    ListMeta Metadata { get; set; }

    List<T> Items { get; set; }
}
