namespace RaftOrchestrator.Api.Patching;

/// <summary>
/// A set of field paths (server-side apply's fieldpath.Set), stored as a trie. A path is a list of elements:
/// <c>f:&lt;name&gt;</c> an object field or map key, <c>k:{"name":"x"}</c> the item of a merge-keyed list with that
/// key (the key field's JSON), <c>v:&lt;json&gt;</c> a value of a set list, <c>i:&lt;n&gt;</c> a list index. A node is a
/// member itself (<see cref="IsMember"/>, the "." entry of fieldsV1) or only the prefix of deeper members.
/// Sets are values: the operations return new sets and leave their operands alone.
/// </summary>
public sealed partial class FieldSet
{
    private readonly SortedDictionary<string, FieldSet> _children = new(StringComparer.Ordinal);

    /// <summary>The path that leads to this node is in the set.</summary>
    public bool IsMember { get; private set; }

    public bool IsEmpty => !IsMember && _children.Count == 0;

    /// <summary>Every member path, depth first, children in ordinal order.</summary>
    public IEnumerable<string[]> Members()
    {
        var path = new List<string>();
        return Walk(this, path);

        static IEnumerable<string[]> Walk(FieldSet node, List<string> path)
        {
            if (node.IsMember && path.Count > 0)
            {
                yield return [.. path];
            }
            foreach ((string element, FieldSet child) in node._children)
            {
                path.Add(element);
                foreach (string[] member in Walk(child, path))
                {
                    yield return member;
                }
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    public bool Contains(IReadOnlyList<string> path) => Find(path) is { IsMember: true };

    /// <summary>The path or a path under it is a member.</summary>
    public bool ContainsPrefix(IReadOnlyList<string> path) => Find(path) is { IsEmpty: false };

    /// <summary>The node has members under it (it is not a leaf of the set).</summary>
    public bool HasChildren(IReadOnlyList<string> path) => Find(path) is { _children.Count: > 0 };

    public void Add(IReadOnlyList<string> path)
    {
        FieldSet node = this;
        foreach (string element in path)
        {
            node = node.Child(element);
        }
        node.IsMember = true;
    }

    public FieldSet Union(FieldSet other) => Combine(this, other, static (a, b) => a || b);

    public FieldSet Intersect(FieldSet other) => Combine(this, other, static (a, b) => a && b);

    public FieldSet Except(FieldSet other) => Combine(this, other, static (a, b) => a && !b);

    private FieldSet? Find(IReadOnlyList<string> path)
    {
        FieldSet? node = this;
        foreach (string element in path)
        {
            if (!node._children.TryGetValue(element, out node))
            {
                return null;
            }
        }
        return node;
    }

    private FieldSet Child(string element)
    {
        if (!_children.TryGetValue(element, out FieldSet? child))
        {
            child = new FieldSet();
            _children[element] = child;
        }
        return child;
    }

    /// <summary>Member by member, <paramref name="member"/> decides; nodes left without members are dropped.</summary>
    private static FieldSet Combine(FieldSet? a, FieldSet? b, Func<bool, bool, bool> member)
    {
        var result = new FieldSet { IsMember = member(a?.IsMember == true, b?.IsMember == true) };
        IEnumerable<string> elements = (a?._children.Keys ?? Enumerable.Empty<string>())
            .Union(b?._children.Keys ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        foreach (string element in elements)
        {
            FieldSet? left = a?._children.GetValueOrDefault(element);
            FieldSet? right = b?._children.GetValueOrDefault(element);
            FieldSet child = Combine(left, right, member);
            if (!child.IsEmpty)
            {
                result._children[element] = child;
            }
        }
        return result;
    }
}
