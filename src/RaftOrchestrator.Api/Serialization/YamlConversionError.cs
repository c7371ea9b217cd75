using System.Globalization;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>Why a YAML body could not be read as JSON, and where (1-based line and column; 0 when unknown).</summary>
public sealed record YamlConversionError(int Line, int Column, string Message)
{
    /// <summary>Worded as go-yaml words its errors, which the apiserver passes on: <c>yaml: line 3, column 7: ...</c>.</summary>
    public override string ToString() =>
        Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"yaml: line {Line}, column {Column}: {Message}")
            : $"yaml: {Message}";
}
