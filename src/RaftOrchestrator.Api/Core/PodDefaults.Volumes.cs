namespace RaftOrchestrator.Api.Core;

public static partial class PodDefaults
{
    private static void ApplyVolume(Volume volume)
    {
        if (PodSpecValidation.SourceCount(volume) == 0)
        {
            volume.EmptyDir = new EmptyDirVolumeSource();
        }
        if (volume.HostPath is { } hostPath)
        {
            hostPath.Type ??= "";
        }
        if (volume.ConfigMap is { } configMap)
        {
            configMap.DefaultMode ??= DefaultFileMode;
        }
        if (volume.Secret is { } secret)
        {
            secret.DefaultMode ??= DefaultFileMode;
        }
        if (volume.DownwardAPI is { } downward)
        {
            downward.DefaultMode ??= DefaultFileMode;
            DefaultFieldRefs(downward.Items);
        }
        if (volume.Projected is { } projected)
        {
            projected.DefaultMode ??= DefaultFileMode;
            foreach (VolumeProjection source in projected.Sources ?? [])
            {
                if (source.ServiceAccountToken is { } token)
                {
                    token.ExpirationSeconds ??= 3600;
                }
                DefaultFieldRefs(source.DownwardAPI?.Items);
            }
        }
    }

    private static void DefaultFieldRefs(List<DownwardAPIVolumeFile>? files)
    {
        foreach (DownwardAPIVolumeFile file in files ?? [])
        {
            if (file.FieldRef is { } fieldRef && string.IsNullOrEmpty(fieldRef.ApiVersion))
            {
                fieldRef.ApiVersion = "v1";
            }
        }
    }
}
