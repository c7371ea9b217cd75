using RaftOrchestrator.Api.Validation;

namespace RaftOrchestrator.Api.Core;

public static partial class PodSpecValidation
{
    private const int MaxFileMode = 511; // 0777

    /// <summary>How many sources a volume sets: exactly one is valid (defaulting turns none into emptyDir).</summary>
    public static int SourceCount(Volume v) =>
        (v.HostPath is null ? 0 : 1) + (v.EmptyDir is null ? 0 : 1) + (v.Secret is null ? 0 : 1) + (v.Nfs is null ? 0 : 1)
        + (v.PersistentVolumeClaim is null ? 0 : 1) + (v.DownwardAPI is null ? 0 : 1) + (v.ConfigMap is null ? 0 : 1)
        + (v.Projected is null ? 0 : 1) + (v.Csi is null ? 0 : 1) + (v.Image is null ? 0 : 1);

    /// <summary>Checks the volumes and returns their names, which volume mounts must reference.</summary>
    private static HashSet<string> ValidateVolumes(List<Volume>? volumes, string path, FieldErrorList errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < (volumes?.Count ?? 0); i++)
        {
            Volume v = volumes![i];
            string at = $"{path}[{i}]";
            if (v.Name.Length == 0)
            {
                errors.Required($"{at}.name");
            }
            else
            {
                NameValidation.Dns1123Label($"{at}.name", v.Name, errors);
                if (!names.Add(v.Name))
                {
                    errors.Duplicate($"{at}.name", v.Name);
                }
            }
            int sources = SourceCount(v);
            if (sources == 0)
            {
                errors.Required(at, "must specify a volume type");
            }
            else if (sources > 1)
            {
                errors.Forbidden(at, "may not specify more than 1 volume type");
            }
            ValidateSource(v, at, errors);
        }
        return names;
    }

    private static void ValidateSource(Volume v, string at, FieldErrorList errors)
    {
        if (v.HostPath is { Path.Length: 0 })
        {
            errors.Required($"{at}.hostPath.path");
        }
        if (v.Nfs is { } nfs)
        {
            if (nfs.Server.Length == 0)
            {
                errors.Required($"{at}.nfs.server");
            }
            if (nfs.Path.Length == 0)
            {
                errors.Required($"{at}.nfs.path");
            }
            else if (!nfs.Path.StartsWith('/'))
            {
                errors.Invalid($"{at}.nfs.path", nfs.Path, "must be an absolute path");
            }
        }
        if (v.PersistentVolumeClaim is { ClaimName.Length: 0 })
        {
            errors.Required($"{at}.persistentVolumeClaim.claimName");
        }
        if (v.ConfigMap is { } configMap)
        {
            if (string.IsNullOrEmpty(configMap.Name))
            {
                errors.Required($"{at}.configMap.name");
            }
            FileMode($"{at}.configMap.defaultMode", configMap.DefaultMode, errors);
            KeyPaths(configMap.Items, $"{at}.configMap.items", errors);
        }
        if (v.Secret is { } secret)
        {
            if (string.IsNullOrEmpty(secret.SecretName))
            {
                errors.Required($"{at}.secret.secretName");
            }
            FileMode($"{at}.secret.defaultMode", secret.DefaultMode, errors);
            KeyPaths(secret.Items, $"{at}.secret.items", errors);
        }
        if (v.DownwardAPI is { } downward)
        {
            FileMode($"{at}.downwardAPI.defaultMode", downward.DefaultMode, errors);
        }
        if (v.Projected is { } projected)
        {
            FileMode($"{at}.projected.defaultMode", projected.DefaultMode, errors);
        }
        if (v.Csi is { Driver.Length: 0 })
        {
            errors.Required($"{at}.csi.driver");
        }
    }

    private static void KeyPaths(List<KeyToPath>? items, string path, FieldErrorList errors)
    {
        for (int i = 0; i < (items?.Count ?? 0); i++)
        {
            KeyToPath item = items![i];
            string at = $"{path}[{i}]";
            if (item.Key.Length == 0)
            {
                errors.Required($"{at}.key");
            }
            if (item.Path.Length == 0)
            {
                errors.Required($"{at}.path");
            }
            else if (item.Path.StartsWith('/'))
            {
                errors.Invalid($"{at}.path", item.Path, "must be a relative path");
            }
            else if (item.Path.Split('/').Contains(".."))
            {
                errors.Invalid($"{at}.path", item.Path, "must not contain '..'");
            }
            FileMode($"{at}.mode", item.Mode, errors);
        }
    }

    private static void FileMode(string field, int? mode, FieldErrorList errors)
    {
        if (mode is < 0 or > MaxFileMode)
        {
            errors.Invalid(field, mode, "must be a number between 0 and 0777 (octal), both inclusive");
        }
    }
}
