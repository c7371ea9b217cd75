using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RaftOrchestrator.Api.Serialization;

/// <summary>
/// Builds JSON nodes from YamlDotNet's event stream, one document. Failures are thrown as
/// <see cref="YamlException"/> with the offending event's position; <see cref="YamlToJson"/> turns them into values.
/// </summary>
internal sealed class YamlJsonBuilder
{
    private readonly Parser _parser;
    private readonly Dictionary<string, Built> _anchors = new(StringComparer.Ordinal);
    private long _budget;

    public YamlJsonBuilder(Parser parser, long nodeBudget)
    {
        _parser = parser;
        _budget = nodeBudget;
    }

    public JsonNode? ReadSingleDocument()
    {
        _parser.MoveNext();
        Take<StreamStart>();
        if (_parser.Current is StreamEnd)
        {
            return null;
        }
        Take<DocumentStart>();
        JsonNode? root = ReadNode(0).Node;
        Take<DocumentEnd>();
        if (_parser.Current is DocumentStart more)
        {
            throw Fail(more, "the body holds more than one YAML document");
        }
        Take<StreamEnd>();
        return root;
    }

    // depth: the number of collections around this node.
    private Built ReadNode(int depth)
    {
        ParsingEvent e = Next();
        Built built = e switch
        {
            Scalar scalar => new Built(YamlScalars.Resolve(scalar), 0, 1),
            AnchorAlias alias => Alias(alias, depth),
            MappingStart mapping => ReadMapping(mapping, depth + 1),
            SequenceStart sequence => ReadSequence(sequence, depth + 1),
            _ => throw Fail(e, $"did not expect {e.GetType().Name}"),
        };
        if (e is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _anchors[anchored.Anchor.Value] = built;
        }
        return built;
    }

    // An alias is a copy of its anchor's node: it counts against the budget as the whole node does.
    private Built Alias(AnchorAlias alias, int depth)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out Built anchored))
        {
            throw Fail(alias, $"unknown anchor '{alias.Value.Value}' referenced");
        }
        CheckDepth(alias, depth + anchored.Height);
        Spend(alias, anchored.Nodes);
        return anchored with { Node = anchored.Node?.DeepClone() };
    }

    private Built ReadMapping(MappingStart start, int depth)
    {
        CheckDepth(start, depth);
        var obj = new JsonObject();
        int height = 1;
        long nodes = 1;
        while (Peek(start) is not MappingEnd)
        {
            ParsingEvent keyEvent = _parser.Current!;
            bool merge = keyEvent is Scalar { Value: "<<", Style: ScalarStyle.Plain, Tag.IsEmpty: true };
            Built key = ReadNode(depth);
            ParsingEvent valueEvent = Peek(keyEvent);
            Built value = ReadNode(depth);
            height = Math.Max(height, value.Height + 1);
            nodes += value.Nodes;
            if (merge)
            {
                nodes += Merge(obj, value.Node, valueEvent);
            }
            else
            {
                obj[YamlScalars.KeyString(key.Node, keyEvent)] = value.Node;
            }
        }
        _parser.MoveNext();
        Spend(start, 1);
        return new Built(obj, height, nodes);
    }

    private Built ReadSequence(SequenceStart start, int depth)
    {
        CheckDepth(start, depth);
        var array = new JsonArray();
        int height = 1;
        long nodes = 1;
        while (Peek(start) is not SequenceEnd)
        {
            Built item = ReadNode(depth);
            height = Math.Max(height, item.Height + 1);
            nodes += item.Nodes;
            array.Add(item.Node);
        }
        _parser.MoveNext();
        Spend(start, 1);
        return new Built(array, height, nodes);
    }

    // "<<: *base" copies base's keys in (later keys of the mapping override them); "<<: [*a, *b]" copies b's, then
    // a's, so the first listed wins. Returns the nodes copied.
    private long Merge(JsonObject target, JsonNode? value, ParsingEvent at)
    {
        IEnumerable<JsonNode?> sources = value switch
        {
            JsonObject => [value],
            JsonArray array when array.All(item => item is JsonObject) => array.Reverse(),
            _ => throw Fail(at, "map merge requires map or sequence of maps as the value"),
        };
        long copied = 0;
        foreach (JsonObject source in sources.Cast<JsonObject>())
        {
            foreach ((string key, JsonNode? item) in source)
            {
                target[key] = item?.DeepClone();
                copied++;
            }
        }
        Spend(at, copied);
        return copied;
    }

    private ParsingEvent Peek(ParsingEvent after) =>
        _parser.Current ?? throw Fail(after, "unexpected end of the document");

    private ParsingEvent Next()
    {
        ParsingEvent e = _parser.Current ?? throw new YamlException("unexpected end of the document");
        _parser.MoveNext();
        return e;
    }

    private void Take<T>()
        where T : ParsingEvent
    {
        ParsingEvent e = Next();
        if (e is not T)
        {
            throw Fail(e, $"expected {typeof(T).Name}, found {e.GetType().Name}");
        }
    }

    private static void CheckDepth(ParsingEvent at, int depth)
    {
        if (depth > YamlToJson.MaxDepth)
        {
            throw Fail(at, $"exceeded max depth of {YamlToJson.MaxDepth}");
        }
    }

    private void Spend(ParsingEvent at, long nodes)
    {
        _budget -= nodes;
        if (_budget < 0)
        {
            throw Fail(at, "document contains excessive aliasing");
        }
    }

    internal static YamlException Fail(ParsingEvent at, string message) => new(at.Start, at.End, message);

    /// <param name="Node">The JSON value (null for YAML null).</param>
    /// <param name="Height">Collections nested in the node, itself included (0 for a scalar).</param>
    /// <param name="Nodes">Nodes in the node's tree, itself included.</param>
    private readonly record struct Built(JsonNode? Node, int Height, long Nodes);
}
