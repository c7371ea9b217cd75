using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace RaftOrchestrator.SchedBench;

/// <summary>
/// A YAML document as a JSON tree, so that the workload file and the Kubernetes objects in it are read by the
/// same JSON contracts as the API's (Pod templates go through the model's strict JSON reader). Scalars follow
/// YAML 1.2's core schema: a plain (unquoted) scalar that reads as null, a boolean, an integer or a float is
/// one; anything quoted, and every other plain scalar, is a string. Aliases are resolved by YamlDotNet.
/// </summary>
internal static class YamlJson
{
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new FormatException($"unsupported YAML node at {node.Start}"),
    };

    private static JsonObject Mapping(YamlMappingNode map)
    {
        var json = new JsonObject();
        foreach ((YamlNode key, YamlNode value) in map.Children)
        {
            string name = key is YamlScalarNode { Value: { } text } ? text : throw new FormatException($"a mapping key must be a scalar ({key.Start})");
            if (!json.TryAdd(name, Convert(value)))
            {
                throw new FormatException($"duplicate key \"{name}\" ({key.Start})");
            }
        }
        return json;
    }

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? "";
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text[0] is 't' or 'T');
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return JsonValue.Create(integer);
        }
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out double real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(text);
    }
}
