namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// An append-only list as a persistent (shared-tail) linked list, newest element first, so that an append is O(1) and
/// the search's saved states share their prefixes. Equality is by content: count and a rolling hash first, then
/// element by element.
/// </summary>
internal readonly struct ListState : IEquatable<ListState>
{
    private readonly Node? _last;

    private ListState(Node? last) => _last = last;

    public int Count => _last?.Count ?? 0;

    public ListState Append(string element) => new(new Node(element, _last));

    /// <summary>Whether the list is exactly <paramref name="elements"/>, oldest first.</summary>
    public bool SequenceEqual(IReadOnlyList<string> elements)
    {
        if (elements.Count != Count) return false;
        Node? node = _last;
        for (int i = elements.Count - 1; i >= 0; i--, node = node!.Previous)
        {
            if (!string.Equals(elements[i], node!.Element, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public bool Equals(ListState other)
    {
        if (ReferenceEquals(_last, other._last)) return true;
        if (_last is null || other._last is null || _last.Count != other._last.Count || _last.Hash != other._last.Hash)
        {
            return false;
        }
        for (Node? a = _last, b = other._last; a is not null && b is not null; a = a.Previous, b = b.Previous)
        {
            if (ReferenceEquals(a, b)) return true;
            if (!string.Equals(a.Element, b.Element, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    public override bool Equals(object? obj) => obj is ListState other && Equals(other);

    public override int GetHashCode() => _last?.Hash ?? 0;

    public static bool operator ==(ListState left, ListState right) => left.Equals(right);

    public static bool operator !=(ListState left, ListState right) => !left.Equals(right);

    /// <summary>The list, oldest first; long lists show their last ten elements.</summary>
    public override string ToString()
    {
        var tail = new List<string>();
        for (Node? n = _last; n is not null && tail.Count < 10; n = n.Previous) tail.Add(n.Element);
        tail.Reverse();
        return Count > tail.Count ? $"[…{Count - tail.Count} more, {string.Join(",", tail)}]" : $"[{string.Join(",", tail)}]";
    }

    private sealed class Node(string element, Node? previous)
    {
        public string Element { get; } = element;

        public Node? Previous { get; } = previous;

        public int Count { get; } = (previous?.Count ?? 0) + 1;

        public int Hash { get; } = HashCode.Combine(previous?.Hash ?? 0, StringComparer.Ordinal.GetHashCode(element));
    }
}
