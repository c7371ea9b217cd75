using System.Text.Json.Serialization;
using MessagePack;

namespace RaftOrchestrator.Api.Core;

[MessagePackObject]
public sealed class DaemonEndpoint
{
    /// <summary>Capitalized on the wire, as Kubernetes has it.</summary>
    [Key(0)]
    [JsonPropertyName("Port")]
    public int Port { get; set; }
}
