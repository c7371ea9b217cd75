using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Api.Core;

/// <summary>
/// Kubernetes' core/v1 defaulting of pod specs. <see cref="ApplySpec"/> is what every pod template gets;
/// <see cref="ApplyPod"/> adds what only a Pod object gets (service links, requests copied from limits), so a
/// Deployment's template reads back as it does from Kubernetes.
/// </summary>
public static partial class PodDefaults
{
    public const int DefaultFileMode = 420; // 0644

    public static void ApplyPod(Pod pod)
    {
        ApplySpec(pod.Spec);
        pod.Spec.EnableServiceLinks ??= true;
        foreach (Container container in AllContainers(pod.Spec))
        {
            RequestsFromLimits(container.Resources);
        }
        RequestsFromLimits(pod.Spec.Resources);
    }

    public static void ApplySpec(PodSpec spec)
    {
        if (string.IsNullOrEmpty(spec.DnsPolicy))
        {
            spec.DnsPolicy = "ClusterFirst";
        }
        if (string.IsNullOrEmpty(spec.RestartPolicy))
        {
            spec.RestartPolicy = "Always";
        }
        spec.TerminationGracePeriodSeconds ??= 30;
        spec.SecurityContext ??= new PodSecurityContext();
        if (string.IsNullOrEmpty(spec.SchedulerName))
        {
            spec.SchedulerName = "default-scheduler";
        }
        // serviceAccount is the deprecated spelling: the new name wins, and the old one mirrors it on the way out.
        if (string.IsNullOrEmpty(spec.ServiceAccountName))
        {
            spec.ServiceAccountName = spec.DeprecatedServiceAccount;
        }
        spec.DeprecatedServiceAccount = spec.ServiceAccountName;
        foreach (Container container in AllContainers(spec))
        {
            ApplyContainer(container, spec.HostNetwork == true);
        }
        foreach (Volume volume in spec.Volumes ?? [])
        {
            ApplyVolume(volume);
        }
    }

    public static IEnumerable<Container> AllContainers(PodSpec spec) => (spec.InitContainers ?? []).Concat(spec.Containers);

    /// <summary>Always for an untagged or ":latest" image (a digest alone counts as a tag), else IfNotPresent.</summary>
    public static string PullPolicyFor(string? image)
    {
        string reference = image ?? "";
        if (reference.Contains('@', StringComparison.Ordinal))
        {
            reference = reference[..reference.IndexOf('@', StringComparison.Ordinal)];
            return reference.EndsWith(":latest", StringComparison.Ordinal) ? "Always" : "IfNotPresent";
        }
        int slash = reference.LastIndexOf('/');
        int colon = reference.LastIndexOf(':');
        bool tagged = colon > slash;
        return !tagged || reference[(colon + 1)..] == "latest" ? "Always" : "IfNotPresent";
    }

    private static void ApplyContainer(Container container, bool hostNetwork)
    {
        if (string.IsNullOrEmpty(container.ImagePullPolicy))
        {
            container.ImagePullPolicy = PullPolicyFor(container.Image);
        }
        if (string.IsNullOrEmpty(container.TerminationMessagePath))
        {
            container.TerminationMessagePath = "/dev/termination-log";
        }
        if (string.IsNullOrEmpty(container.TerminationMessagePolicy))
        {
            container.TerminationMessagePolicy = "File";
        }
        container.Resources ??= new ResourceRequirements();
        foreach (ContainerPort port in container.Ports ?? [])
        {
            if (string.IsNullOrEmpty(port.Protocol))
            {
                port.Protocol = "TCP";
            }
            // On the host network the container's port is the host's port.
            if (hostNetwork && port.HostPort is null or 0)
            {
                port.HostPort = port.Port;
            }
        }
        foreach (EnvVar env in container.Env ?? [])
        {
            if (env.ValueFrom?.FieldRef is { } fieldRef && string.IsNullOrEmpty(fieldRef.ApiVersion))
            {
                fieldRef.ApiVersion = "v1";
            }
        }
        ApplyProbe(container.LivenessProbe);
        ApplyProbe(container.ReadinessProbe);
        ApplyProbe(container.StartupProbe);
        ApplyHttpGet(container.Lifecycle?.PostStart?.HttpGet);
        ApplyHttpGet(container.Lifecycle?.PreStop?.HttpGet);
    }

    private static void ApplyProbe(Probe? probe)
    {
        if (probe is null)
        {
            return;
        }
        probe.TimeoutSeconds = Positive(probe.TimeoutSeconds) ?? 1;
        probe.PeriodSeconds = Positive(probe.PeriodSeconds) ?? 10;
        probe.SuccessThreshold = Positive(probe.SuccessThreshold) ?? 1;
        probe.FailureThreshold = Positive(probe.FailureThreshold) ?? 3;
        ApplyHttpGet(probe.HttpGet);
        if (probe.Grpc is { } grpc)
        {
            grpc.Service ??= "";
        }
    }

    private static void ApplyHttpGet(HTTPGetAction? action)
    {
        if (action is null)
        {
            return;
        }
        if (string.IsNullOrEmpty(action.Path))
        {
            action.Path = "/";
        }
        if (string.IsNullOrEmpty(action.Scheme))
        {
            action.Scheme = "HTTP";
        }
    }

    /// <summary>A request absent for a limited resource defaults to the limit (SetDefaults_Pod).</summary>
    private static void RequestsFromLimits(ResourceRequirements? resources)
    {
        if (resources?.Limits is not { Count: > 0 } limits)
        {
            return;
        }
        resources.Requests ??= [];
        foreach ((string name, Quantity limit) in limits)
        {
            resources.Requests.TryAdd(name, limit);
        }
    }

    /// <summary>Go's zero value is "unset" for these int32 fields, so 0 is defaulted like absence.</summary>
    private static int? Positive(int? value) => value is null or 0 ? null : value;
}
