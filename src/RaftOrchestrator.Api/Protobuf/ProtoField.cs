namespace RaftOrchestrator.Api.Protobuf;

/// <summary>One field of a message descriptor; <see cref="Message"/> is linked after every descriptor is built.</summary>
internal sealed record ProtoField(int Number, string JsonName, ProtoKind Kind, string? MessageName, ProtoFlags Flags)
{
    public ProtoMessage? Message { get; set; }

    public bool Repeated => (Flags & ProtoFlags.Repeated) != 0;

    public bool KeepZero => (Flags & ProtoFlags.KeepZero) != 0;

    public bool Inline => (Flags & ProtoFlags.Inline) != 0;
}
