using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Registration;

/// <summary>
/// Every served resource, in discovery order. Registrations are grouped by API group in partial files
/// (<c>ApiCatalog.CoreV1.cs</c>: core kinds; <c>ApiCatalog.Workloads.cs</c>: pods and the
/// controllers of pods; <c>ApiCatalog.Others.cs</c>: the remaining groups), each a partial method called in order.
/// </summary>
public sealed partial class ApiCatalog
{
    private readonly List<ResourceDescriptor> _resources = [];
    private readonly Dictionary<(string Group, string Plural), ResourceDescriptor> _byPlural = [];
    private readonly Dictionary<Type, ResourceDescriptor> _byType = [];

    public ApiCatalog()
    {
        RegisterCoreV1();
        RegisterWorkloads();
        RegisterOthers();
    }

    /// <summary>The default catalog of built-in kinds.</summary>
    public static ApiCatalog Default { get; } = new();

    public IReadOnlyList<ResourceDescriptor> Resources => _resources;

    public ResourceDescriptor? Find(string group, string plural) => _byPlural.GetValueOrDefault((group, plural));

    /// <summary>The descriptor of the kind whose model type is <typeparamref name="T"/>; a type not in the catalog is a programming error.</summary>
    public ResourceDescriptor<T> Descriptor<T>() where T : class, IKubernetesObject, new() =>
        _byType.GetValueOrDefault(typeof(T)) as ResourceDescriptor<T>
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not a kind of this catalog");

    public ResourceDescriptor? FindKind(string apiVersion, string kind) =>
        _resources.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);

    /// <summary>The groups in order of first registration, each with its one served version.</summary>
    public IEnumerable<(string Group, string Version)> GroupVersions =>
        _resources.Select(r => (r.Group, r.Version)).Distinct();

    public void Add(ResourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (_byPlural.ContainsKey((descriptor.Group, descriptor.Plural)) || _byType.ContainsKey(descriptor.ObjectType))
        {
            throw new InvalidOperationException($"{descriptor.QualifiedPlural} ({descriptor.ObjectType.Name}) is registered twice");
        }
        _byPlural.Add((descriptor.Group, descriptor.Plural), descriptor);
        _byType.Add(descriptor.ObjectType, descriptor);
        _resources.Add(descriptor);
    }

    partial void RegisterCoreV1();

    partial void RegisterWorkloads();

    partial void RegisterOthers();
}
