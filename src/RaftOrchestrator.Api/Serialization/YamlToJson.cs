using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>
/// Reads a YAML request body as the JSON the apiserver would make of it (sigs.k8s.io/yaml's YAMLToJSON, which
/// decodes with go-yaml v2 and re-encodes as JSON): plain scalars resolve as YAML 1.1 does (true/false/yes/no/on/off,
/// null/~, integers in any base, floats), quoted and block scalars stay strings, non-string keys become their
/// string form, anchors, aliases and merge keys ("&lt;&lt;") are expanded. One document at most; nesting and size are
/// bounded, and alias expansion is budgeted so a small body cannot expand without bound.
/// </summary>
public static class YamlToJson
{
    /// <summary>Nesting of mappings and sequences allowed, the same bound as <see cref="ApiJson"/>'s MaxDepth.</summary>
    public const int MaxDepth = 64;

    /// <summary>The apiserver's default limit on a request body (3 MiB).</summary>
    public const int MaxLength = 3 * 1024 * 1024;

    /// <summary>Nodes an alias-heavy document may expand to, at least; a larger body gets a proportionally larger budget.</summary>
    internal const int MinNodeBudget = 100_000;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>An empty document, or one holding only comments, is JSON null (<paramref name="node"/> null, result true).</summary>
    public static bool TryConvert(string yaml, out JsonNode? node, [NotNullWhen(false)] out YamlConversionError? error)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        node = null;
        if (yaml.Length > MaxLength)
        {
            error = new YamlConversionError(0, 0, $"document is larger than {MaxLength} characters");
            return false;
        }
        try
        {
            var builder = new YamlJsonBuilder(new Parser(new StringReader(yaml)), Math.Max(MinNodeBudget, yaml.Length * 4L));
            node = builder.ReadSingleDocument();
            error = null;
            return true;
        }
        catch (YamlException e)
        {
            // YamlDotNet reports every syntax error by throwing; so do our own checks, to unwind the recursion.
            error = new YamlConversionError((int)e.Start.Line, (int)e.Start.Column, StripMark(e.Message));
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some malformed input (found by fuzzing) instead of with a
            // YamlException; the input is still just malformed, so it is a failure value like any other.
            error = new YamlConversionError(0, 0, $"invalid YAML: {e.Message}");
            return false;
        }
    }

    /// <summary>A UTF-8 body (a leading byte order mark is skipped); bytes that are not UTF-8 are an error.</summary>
    public static bool TryConvert(ReadOnlySpan<byte> utf8, out JsonNode? node, [NotNullWhen(false)] out YamlConversionError? error)
    {
        node = null;
        if (utf8.Length > MaxLength)
        {
            error = new YamlConversionError(0, 0, $"document is larger than {MaxLength} bytes");
            return false;
        }
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        string text;
        try
        {
            text = s_strictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            error = new YamlConversionError(0, 0, "invalid UTF-8 in the document");
            return false;
        }
        return TryConvert(text, out node, out error);
    }

    // YamlDotNet prefixes its messages with "(Line: 1, Col: 2, Idx: 1) - (Line: ...): "; the error carries the mark.
    private static string StripMark(string message)
    {
        if (!message.StartsWith("(Line:", StringComparison.Ordinal))
        {
            return message;
        }
        int end = message.IndexOf("): ", StringComparison.Ordinal);
        int second = end < 0 ? -1 : message.IndexOf("): ", end + 3, StringComparison.Ordinal);
        int cut = second >= 0 && message.AsSpan(end, second - end).Contains(" - (", StringComparison.Ordinal) ? second : end;
        return cut < 0 ? message : message[(cut + 3)..];
    }
}
