using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace RaftOrchestrator.Agent.Nodes;

/// <summary>
/// What the node reports about its host (the kubelet's cadvisor machine info and node-status setters): capacity
/// (cpu, memory, the data directory's filesystem), the InternalIP, and the nodeInfo identity strings. Read once at
/// start (<see cref="Read"/>); tests build one.
/// </summary>
public sealed record HostFacts
{
    public required int Cpus { get; init; }

    public required long MemoryBytes { get; init; }

    /// <summary>The size of the data directory's filesystem (ephemeral-storage).</summary>
    public required long EphemeralStorageBytes { get; init; }

    public required string InternalIP { get; init; }

    public string MachineID { get; init; } = "";

    public string SystemUUID { get; init; } = "";

    public string BootID { get; init; } = "";

    public string KernelVersion { get; init; } = "";

    public string OSImage { get; init; } = "";

    /// <summary>GOOS: linux.</summary>
    public string OperatingSystem { get; init; } = "linux";

    /// <summary>GOARCH: amd64, arm64, ...</summary>
    public string Architecture { get; init; } = GoArch(RuntimeInformation.OSArchitecture);

    /// <summary>This host: cpus from the runtime, memory from /proc/meminfo, storage from the data directory's drive.</summary>
    public static HostFacts Read(string dataDirectory, string? internalIP)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        return new HostFacts
        {
            Cpus = Environment.ProcessorCount,
            MemoryBytes = MemTotal() ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            EphemeralStorageBytes = new DriveInfo(Path.GetFullPath(dataDirectory)).TotalSize,
            InternalIP = internalIP ?? FirstAddress(),
            MachineID = FirstLine("/etc/machine-id"),
            SystemUUID = FirstLine("/sys/class/dmi/id/product_uuid"),
            BootID = FirstLine("/proc/sys/kernel/random/boot_id"),
            KernelVersion = FirstLine("/proc/sys/kernel/osrelease"),
            OSImage = PrettyName() ?? RuntimeInformation.OSDescription,
        };
    }

    /// <summary>MemTotal of /proc/meminfo ("MemTotal: 16303420 kB"), in bytes.</summary>
    private static long? MemTotal()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal)
                    && long.TryParse(line["MemTotal:".Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
                {
                    return kib * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // not Linux, or no procfs: fall back
        }
        return null;
    }

    /// <summary>The first up, non-loopback IPv4 address of the host; 127.0.0.1 when it has none.</summary>
    private static string FirstAddress()
    {
        IPAddress? found = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        return (found ?? IPAddress.Loopback).ToString();
    }

    private static string? PrettyName()
    {
        string line = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) ?? "" : "";
        return line.Length == 0 ? null : line["PRETTY_NAME=".Length..].Trim('"');
    }

    private static string FirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() ?? "" : "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string GoArch(Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        System.Runtime.InteropServices.Architecture.X86 => "386",
        System.Runtime.InteropServices.Architecture.Arm => "arm",
        System.Runtime.InteropServices.Architecture.S390x => "s390x",
        System.Runtime.InteropServices.Architecture.Ppc64le => "ppc64le",
        System.Runtime.InteropServices.Architecture.RiscV64 => "riscv64",
        System.Runtime.InteropServices.Architecture.LoongArch64 => "loong64",
        _ => architecture.ToString().ToLowerInvariant(),
    };
}
