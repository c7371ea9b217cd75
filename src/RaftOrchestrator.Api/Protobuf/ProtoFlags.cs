namespace RaftOrchestrator.Api.Protobuf;

[Flags]
internal enum ProtoFlags
{
    None = 0,

    /// <summary>A JSON array; scalar elements may also arrive packed.</summary>
    Repeated = 1,

    /// <summary>
    /// Go writes the zero value in JSON (a pointer field that was set, or a field without omitempty). Other
    /// scalar fields lose their zero value, as omitempty drops it: proto2 puts it on the wire either way.
    /// </summary>
    KeepZero = 2,

    /// <summary>An embedded struct: its fields go into the enclosing JSON object (Volume's VolumeSource).</summary>
    Inline = 4,
}
