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

    public ResourceDescriptor? FindKind(string apiVersion, string kind) =>
        _resources.FirstOrDefault(r => r.ApiVersion == apiVersion && r.Kind == kind);

    /// <summary>The groups in order of first registration, each with its one served version.</summary>
    public IEnumerable<(string Group, string Version)> GroupVersions =>
        _resources.Select(r => (r.Group, r.Version)).Distinct();

    public void Add(ResourceDescriptor descriptor)
    {
        if (!_byPlural.TryAdd((descriptor.Group, descriptor.Plural), descriptor))
        {
            throw new InvalidOperationException($"{descriptor.QualifiedPlural} is registered twice");
        }
        _resources.Add(descriptor);
    }

    partial void RegisterCoreV1();

    partial void RegisterWorkloads();

    partial void RegisterOthers();
}
