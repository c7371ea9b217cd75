using System.Text;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Agent.Env;

/// <summary>
/// Builds a container's environment as the kubelet's makeEnvironmentVariables does:
/// <list type="number">
/// <item>envFrom sources in order: every key of the ConfigMap's data or the Secret's data, prefixed;</item>
/// <item>then env in order: a value is $(VAR)-expanded against what is defined so far; valueFrom reads the
/// downward API (fieldRef, resourceFieldRef), a ConfigMap key or a Secret key, unexpanded.</item>
/// </list>
/// A later definition of a name replaces the earlier value (in the earlier position). A missing ConfigMap, Secret or
/// key that is not optional fails the whole container with the kubelet's message (the caller reports it as
/// CreateContainerConfigError); optional ones are skipped. Keys that cannot be env names (empty, or holding '=')
/// are skipped. Service links (enableServiceLinks) are not injected: there is no service environment yet.
/// </summary>
/// <remarks>
/// ConfigMaps and Secrets are read from the API when a container is created (not watched): each resolution reads
/// each object at most once. A failed read that is not a 404 fails the resolution too; the pod worker retries.
/// </remarks>
public sealed class EnvironmentResolver
{
    private readonly IResourceClient<ConfigMap> _configMaps;
    private readonly IResourceClient<Secret> _secrets;

    public EnvironmentResolver(IClusterClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _configMaps = client.Resource<ConfigMap>();
        _secrets = client.Resource<Secret>();
    }

    public async Task<EnvResolution> ResolveAsync(Pod pod, Container container, PodAddresses addresses, IReadOnlyDictionary<string, Quantity> allocatable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(container);
        string ns = pod.Metadata.Namespace ?? "default";
        var reads = new Reads(this, ns);
        var names = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Define(string name, string value)
        {
            if (!values.ContainsKey(name))
            {
                names.Add(name);
            }
            values[name] = value;
        }

        foreach (EnvFromSource source in container.EnvFrom ?? [])
        {
            string prefix = source.Prefix ?? "";
            if (source.ConfigMapRef is { } cmRef)
            {
                (ConfigMap? cm, string? error) = await reads.ConfigMapAsync(cmRef.Name ?? "", cmRef.Optional == true, cancellationToken);
                if (error is not null)
                {
                    return EnvResolution.Failed(error);
                }
                foreach ((string key, string value) in (cm?.Data ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    DefineIfValid(prefix + key, value);
                }
            }
            else if (source.SecretRef is { } secretRef)
            {
                (Secret? secret, string? error) = await reads.SecretAsync(secretRef.Name ?? "", secretRef.Optional == true, cancellationToken);
                if (error is not null)
                {
                    return EnvResolution.Failed(error);
                }
                foreach ((string key, byte[] value) in (secret?.Data ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    DefineIfValid(prefix + key, Encoding.UTF8.GetString(value));
                }
            }
        }

        foreach (EnvVar variable in container.Env ?? [])
        {
            if (variable.ValueFrom is not { } from)
            {
                Define(variable.Name, VariableExpansion.Expand(variable.Value ?? "", values));
                continue;
            }
            (string? value, string? error) = await ValueFromAsync(pod, container, from, addresses, allocatable, reads, cancellationToken);
            if (error is not null)
            {
                return EnvResolution.Failed(error);
            }
            if (value is not null)
            {
                Define(variable.Name, value);
            }
        }
        return new EnvResolution([.. names.Select(n => KeyValuePair.Create(n, values[n]))], null);

        void DefineIfValid(string name, string value)
        {
            if (name.Length > 0 && !name.Contains('=', StringComparison.Ordinal))
            {
                Define(name, value);
            }
        }
    }

    /// <summary>One valueFrom: the value, null to skip the variable (an optional source is missing), or an error.</summary>
    private static async Task<(string? Value, string? Error)> ValueFromAsync(Pod pod, Container container, EnvVarSource from, PodAddresses addresses,
        IReadOnlyDictionary<string, Quantity> allocatable, Reads reads, CancellationToken cancellationToken)
    {
        if (from.FieldRef is { } field)
        {
            return FieldRefs.TryGet(pod, field.FieldPath, addresses, out string? value, out string? error) ? (value, null) : (null, error);
        }
        if (from.ResourceFieldRef is { } resource)
        {
            Container target = string.IsNullOrEmpty(resource.ContainerName) ? container
                : pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).FirstOrDefault(c => c.Name == resource.ContainerName) ?? container;
            return FieldRefs.TryGetResource(target, resource, allocatable, out string? value, out string? error) ? (value, null) : (null, error);
        }
        if (from.ConfigMapKeyRef is { } cmKey)
        {
            bool optional = cmKey.Optional == true;
            (ConfigMap? cm, string? error) = await reads.ConfigMapAsync(cmKey.Name ?? "", optional, cancellationToken);
            if (error is not null || cm is null)
            {
                return (null, error);
            }
            if (cm.Data is not null && cm.Data.TryGetValue(cmKey.Key, out string? value))
            {
                return (value, null);
            }
            return optional ? (null, null) : (null, $"couldn't find key {cmKey.Key} in ConfigMap {reads.Namespace}/{cmKey.Name}");
        }
        if (from.SecretKeyRef is { } secretKey)
        {
            bool optional = secretKey.Optional == true;
            (Secret? secret, string? error) = await reads.SecretAsync(secretKey.Name ?? "", optional, cancellationToken);
            if (error is not null || secret is null)
            {
                return (null, error);
            }
            if (secret.Data is not null && secret.Data.TryGetValue(secretKey.Key, out byte[]? bytes))
            {
                return (Encoding.UTF8.GetString(bytes), null);
            }
            return optional ? (null, null) : (null, $"couldn't find key {secretKey.Key} in Secret {reads.Namespace}/{secretKey.Name}");
        }
        return (null, "a valueFrom names no source");
    }

    /// <summary>The ConfigMaps and Secrets one resolution has read, so each is read once.</summary>
    private sealed class Reads(EnvironmentResolver owner, string ns)
    {
        private readonly Dictionary<string, ApiResult<ConfigMap>> _configMaps = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ApiResult<Secret>> _secrets = new(StringComparer.Ordinal);

        public string Namespace => ns;

        public async Task<(ConfigMap? Value, string? Error)> ConfigMapAsync(string name, bool optional, CancellationToken cancellationToken)
        {
            if (!_configMaps.TryGetValue(name, out ApiResult<ConfigMap> read))
            {
                read = await owner._configMaps.GetAsync(ns, name, cancellationToken);
                _configMaps[name] = read;
            }
            return Outcome(read, "configmap", name, optional);
        }

        public async Task<(Secret? Value, string? Error)> SecretAsync(string name, bool optional, CancellationToken cancellationToken)
        {
            if (!_secrets.TryGetValue(name, out ApiResult<Secret> read))
            {
                read = await owner._secrets.GetAsync(ns, name, cancellationToken);
                _secrets[name] = read;
            }
            return Outcome(read, "secret", name, optional);
        }

        private static (T? Value, string? Error) Outcome<T>(ApiResult<T> read, string kind, string name, bool optional) where T : class
        {
            if (read.IsOk)
            {
                return (read.Value, null);
            }
            if (read.IsNotFound)
            {
                return optional ? (null, null) : (null, $"{kind} \"{name}\" not found");
            }
            return (null, $"failed to get {kind} \"{name}\": {read.Error.Message}");
        }
    }
}
