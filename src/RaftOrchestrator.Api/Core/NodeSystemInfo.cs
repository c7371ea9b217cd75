using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class NodeSystemInfo
{
    [Key(0)] public string MachineID { get; set; } = "";

    [Key(1)] public string SystemUUID { get; set; } = "";

    [Key(2)] public string BootID { get; set; } = "";

    [Key(3)] public string KernelVersion { get; set; } = "";

    [Key(4)] public string OSImage { get; set; } = "";

    [Key(5)] public string ContainerRuntimeVersion { get; set; } = "";

    [Key(6)] public string KubeletVersion { get; set; } = "";

    [Key(7)] public string KubeProxyVersion { get; set; } = "";

    [Key(8)] public string OperatingSystem { get; set; } = "";

    [Key(9)] public string Architecture { get; set; } = "";

    [Key(10)] public NodeSwapStatus? Swap { get; set; }
}
