using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class WindowsSecurityContextOptions
{
    [Key(0)] public string? GmsaCredentialSpecName { get; set; }

    [Key(1)] public string? GmsaCredentialSpec { get; set; }

    [Key(2)] public string? RunAsUserName { get; set; }

    [Key(3)] public bool? HostProcess { get; set; }
}
