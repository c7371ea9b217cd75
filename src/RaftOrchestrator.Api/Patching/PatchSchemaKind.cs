namespace RaftOrchestrator.Api.Patching;

public enum PatchSchemaKind
{
    /// <summary>A value replaced whole: strings, numbers, booleans, times, quantities, int-or-strings, bytes.</summary>
    Scalar,

    /// <summary>A struct: known fields, each with its own schema.</summary>
    Struct,

    /// <summary>A string-keyed map (labels, data): merged key by key, every value of <see cref="PatchSchema.Elements"/>.</summary>
    Map,

    /// <summary>A list: merged by key, merged as a set, or replaced whole (see <see cref="PatchSchema"/>).</summary>
    List,
}
