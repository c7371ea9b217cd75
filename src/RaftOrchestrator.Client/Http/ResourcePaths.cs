using RaftOrchestrator.Api.Registration;

namespace RaftOrchestrator.Client.Http;

/// <summary>
/// The URL paths of one kind, as kube-apiserver serves them: <c>/api/v1</c> for the core group,
/// <c>/apis/&lt;group&gt;/&lt;version&gt;</c> otherwise, then <c>[/namespaces/&lt;ns&gt;]/&lt;plural&gt;[/&lt;name&gt;[/&lt;subresource&gt;]]</c>.
/// A namespaced kind with a null namespace is addressed across all namespaces (list and watch only).
/// </summary>
internal sealed class ResourcePaths(ResourceDescriptor descriptor)
{
    private readonly string _groupVersion = descriptor.Group.Length == 0 ? $"/api/{descriptor.Version}" : $"/apis/{descriptor.Group}/{descriptor.Version}";

    public string Collection(string? @namespace) =>
        descriptor.Namespaced && !string.IsNullOrEmpty(@namespace)
            ? $"{_groupVersion}/namespaces/{Uri.EscapeDataString(@namespace)}/{descriptor.Plural}"
            : $"{_groupVersion}/{descriptor.Plural}";

    public string Item(string? @namespace, string name, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string item = $"{Collection(@namespace)}/{Uri.EscapeDataString(name)}";
        return string.IsNullOrEmpty(subresource) ? item : $"{item}/{Uri.EscapeDataString(subresource)}";
    }
}
