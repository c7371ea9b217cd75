using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

public static partial class PodSpecValidation
{
    private static readonly string[] s_protocols = ["TCP", "UDP", "SCTP"];
    private static readonly string[] s_pullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] s_messagePolicies = ["File", "FallbackToLogsOnError"];
    private static readonly string[] s_sidecarRestart = ["Always"];

    /// <summary>Container names are unique across init and regular containers, hence the shared <paramref name="names"/>.</summary>
    private static void ValidateContainers(List<Container>? containers, bool init, HashSet<string> volumes, HashSet<string> names, string path, FieldErrorList errors)
    {
        for (int i = 0; i < (containers?.Count ?? 0); i++)
        {
            Container c = containers![i];
            string at = $"{path}[{i}]";
            if (c.Name.Length == 0)
            {
                errors.Required($"{at}.name");
            }
            else
            {
                NameValidation.Dns1123Label($"{at}.name", c.Name, errors);
                if (!names.Add(c.Name))
                {
                    errors.Duplicate($"{at}.name", c.Name);
                }
            }
            // Kubernetes checks the length only: " " is a placeholder some tools put in templates.
            if (string.IsNullOrEmpty(c.Image))
            {
                errors.Required($"{at}.image");
            }
            ValidateRestartPolicy(c, init, at, errors);
            OneOf($"{at}.imagePullPolicy", c.ImagePullPolicy, s_pullPolicies, errors);
            OneOf($"{at}.terminationMessagePolicy", c.TerminationMessagePolicy, s_messagePolicies, errors);
            ValidatePorts(c.Ports, $"{at}.ports", errors);
            ValidateEnv(c.Env, $"{at}.env", errors);
            ValidateResources(c.Resources, $"{at}.resources", errors);
            ValidateMounts(c.VolumeMounts, volumes, $"{at}.volumeMounts", errors);
            ValidateProbe(c.LivenessProbe, $"{at}.livenessProbe", successMustBeOne: true, errors);
            ValidateProbe(c.ReadinessProbe, $"{at}.readinessProbe", successMustBeOne: false, errors);
            ValidateProbe(c.StartupProbe, $"{at}.startupProbe", successMustBeOne: true, errors);
        }
    }

    /// <summary>An init container with restartPolicy Always is a sidecar; regular containers may not set it.</summary>
    private static void ValidateRestartPolicy(Container c, bool init, string at, FieldErrorList errors)
    {
        if (c.RestartPolicy is null)
        {
            if (init)
            {
                foreach ((string name, Probe? probe) in new[] { ("livenessProbe", c.LivenessProbe), ("readinessProbe", c.ReadinessProbe), ("startupProbe", c.StartupProbe) })
                {
                    if (probe is not null)
                    {
                        errors.Forbidden($"{at}.{name}", "may not be set for init containers without restartPolicy=Always");
                    }
                }
                if (c.Lifecycle is not null)
                {
                    errors.Forbidden($"{at}.lifecycle", "may not be set for init containers without restartPolicy=Always");
                }
            }
        }
        else if (!init)
        {
            errors.Forbidden($"{at}.restartPolicy", "may not be set for non-init containers");
        }
        else if (c.RestartPolicy != "Always")
        {
            errors.NotSupported($"{at}.restartPolicy", c.RestartPolicy, s_sidecarRestart);
        }
    }

    private static void ValidatePorts(List<ContainerPort>? ports, string path, FieldErrorList errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < (ports?.Count ?? 0); i++)
        {
            ContainerPort p = ports![i];
            string at = $"{path}[{i}]";
            if (!string.IsNullOrEmpty(p.Name))
            {
                if (NameValidation.PortNameProblem(p.Name) is { } problem)
                {
                    errors.Invalid($"{at}.name", p.Name, problem);
                }
                else if (!names.Add(p.Name))
                {
                    errors.Duplicate($"{at}.name", p.Name);
                }
            }
            if (p.Port is < 1 or > 65535)
            {
                errors.Invalid($"{at}.containerPort", p.Port, PortRange);
            }
            if (p.HostPort is { } hostPort and not 0 && hostPort is < 1 or > 65535)
            {
                errors.Invalid($"{at}.hostPort", hostPort, PortRange);
            }
            OneOf($"{at}.protocol", p.Protocol, s_protocols, errors);
        }
    }

    private const string PortRange = "must be between 1 and 65535, inclusive";

    private static void ValidateEnv(List<EnvVar>? env, string path, FieldErrorList errors)
    {
        for (int i = 0; i < (env?.Count ?? 0); i++)
        {
            EnvVar e = env![i];
            string at = $"{path}[{i}]";
            NameValidation.EnvVarName($"{at}.name", e.Name, errors);
            if (e.ValueFrom is not { } from)
            {
                continue;
            }
            int sources = (from.FieldRef is null ? 0 : 1) + (from.ResourceFieldRef is null ? 0 : 1)
                + (from.ConfigMapKeyRef is null ? 0 : 1) + (from.SecretKeyRef is null ? 0 : 1);
            if (!string.IsNullOrEmpty(e.Value))
            {
                errors.Invalid($"{at}.valueFrom", "", "may not be specified when `value` is not empty");
            }
            if (sources == 0)
            {
                errors.Invalid($"{at}.valueFrom", "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");
            }
            else if (sources > 1)
            {
                errors.Invalid($"{at}.valueFrom", "", "may not have more than one field specified at a time");
            }
            if (from.FieldRef is { FieldPath.Length: 0 })
            {
                errors.Required($"{at}.valueFrom.fieldRef.fieldPath");
            }
            if (from.ConfigMapKeyRef is { Key.Length: 0 })
            {
                errors.Required($"{at}.valueFrom.configMapKeyRef.key");
            }
            if (from.SecretKeyRef is { Key.Length: 0 })
            {
                errors.Required($"{at}.valueFrom.secretKeyRef.key");
            }
        }
    }

    /// <summary>Quantities are non-negative and a request is at most its limit (Kubernetes' wording names the limit).</summary>
    public static void ValidateResources(ResourceRequirements? resources, string path, FieldErrorList errors)
    {
        foreach ((string name, Quantity q) in resources?.Limits ?? [])
        {
            NonNegative($"{path}.limits[{name}]", q, errors);
        }
        foreach ((string name, Quantity request) in resources?.Requests ?? [])
        {
            string at = $"{path}.requests[{name}]";
            NonNegative(at, request, errors);
            if (resources!.Limits is { } limits && limits.TryGetValue(name, out Quantity limit)
                && Quantity.TryParse(request.Text, out decimal r) && Quantity.TryParse(limit.Text, out decimal l) && r > l)
            {
                errors.Invalid(at, request.Text, $"must be less than or equal to {name} limit of {limit.Text}");
            }
        }
    }

    private static void NonNegative(string field, Quantity q, FieldErrorList errors)
    {
        if (Quantity.TryParse(q.Text, out decimal value) && value < 0)
        {
            errors.Invalid(field, q.Text, "must be greater than or equal to 0");
        }
    }

    private static void ValidateMounts(List<VolumeMount>? mounts, HashSet<string> volumes, string path, FieldErrorList errors)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < (mounts?.Count ?? 0); i++)
        {
            VolumeMount m = mounts![i];
            string at = $"{path}[{i}]";
            if (m.Name.Length == 0)
            {
                errors.Required($"{at}.name");
            }
            else if (!volumes.Contains(m.Name))
            {
                NotFound($"{at}.name", m.Name, errors);
            }
            if (m.MountPath.Length == 0)
            {
                errors.Required($"{at}.mountPath");
            }
            else if (!paths.Add(m.MountPath))
            {
                errors.Invalid($"{at}.mountPath", m.MountPath, "must be unique");
            }
            if (!string.IsNullOrEmpty(m.SubPath) && !string.IsNullOrEmpty(m.SubPathExpr))
            {
                errors.Invalid($"{at}.subPathExpr", m.SubPathExpr, "subPathExpr and subPath are mutually exclusive");
            }
        }
    }

    private static void ValidateProbe(Probe? probe, string path, bool successMustBeOne, FieldErrorList errors)
    {
        if (probe is null)
        {
            return;
        }
        int handlers = (probe.Exec is null ? 0 : 1) + (probe.HttpGet is null ? 0 : 1) + (probe.TcpSocket is null ? 0 : 1) + (probe.Grpc is null ? 0 : 1);
        if (handlers == 0)
        {
            errors.Required(path, "must specify a handler type");
        }
        else if (handlers > 1)
        {
            errors.Forbidden(path, "may not specify more than 1 handler type");
        }
        foreach ((string name, int? value) in new[] { ("initialDelaySeconds", probe.InitialDelaySeconds), ("timeoutSeconds", probe.TimeoutSeconds),
            ("periodSeconds", probe.PeriodSeconds), ("successThreshold", probe.SuccessThreshold), ("failureThreshold", probe.FailureThreshold) })
        {
            if (value < 0)
            {
                errors.Invalid($"{path}.{name}", value, "must be greater than or equal to 0");
            }
        }
        if (successMustBeOne && probe.SuccessThreshold is { } success && success != 1)
        {
            errors.Invalid($"{path}.successThreshold", success, "must be 1");
        }
        if (probe.HttpGet is { } http)
        {
            ValidateProbePort(http.Port, $"{path}.httpGet.port", errors);
        }
        if (probe.TcpSocket is { } tcp)
        {
            ValidateProbePort(tcp.Port, $"{path}.tcpSocket.port", errors);
        }
        if (probe.Grpc is { } grpc && grpc.Port is < 1 or > 65535)
        {
            errors.Invalid($"{path}.grpc.port", grpc.Port, PortRange);
        }
    }

    private static void ValidateProbePort(IntOrString port, string field, FieldErrorList errors)
    {
        if (port.IsInt)
        {
            if (port.IntValue is < 1 or > 65535)
            {
                errors.Invalid(field, port.IntValue, PortRange);
            }
        }
        else if (NameValidation.PortNameProblem(port.StringValue!) is { } problem)
        {
            errors.Invalid(field, port.StringValue, problem);
        }
    }
}
