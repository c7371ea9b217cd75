namespace RaftOrchestrator.Api.Protobuf;

/// <summary>How a field is encoded on the wire and what JSON it becomes.</summary>
internal enum ProtoKind
{
    String,
    Int32,
    Int64,
    Bool,
    Double,

    /// <summary>[]byte: base64 in JSON.</summary>
    Bytes,

    /// <summary>A nested message, described by <see cref="ProtoField.MessageName"/>.</summary>
    Message,

    MapStringString,

    /// <summary>map[string][]byte: values base64 in JSON.</summary>
    MapStringBytes,

    /// <summary>map[string]resource.Quantity (ResourceList): values are Quantity messages.</summary>
    MapQuantity,

    /// <summary>map[string]ExtraValue: values are messages of one repeated string (field 1), JSON arrays.</summary>
    MapStringList,

    /// <summary>intstr.IntOrString {1 type, 2 intVal, 3 strVal}: a JSON number or string.</summary>
    IntOrString,

    /// <summary>resource.Quantity {1 string}: a JSON string.</summary>
    Quantity,

    /// <summary>meta/v1 Time {1 seconds, 2 nanos}: RFC 3339 with whole seconds; an empty message is null.</summary>
    Time,

    /// <summary>meta/v1 MicroTime: as <see cref="Time"/> with microseconds.</summary>
    MicroTime,

    /// <summary>meta/v1 FieldsV1 {1 raw}: the raw bytes are JSON, inlined.</summary>
    RawJson,
}
