namespace RaftOrchestrator.Api.Validation;

/// <summary>Value equality of optional maps, where null and empty are the same (as Go's omitempty makes them).</summary>
public static class DictionaryEquality
{
    public static bool Equal<TValue>(IReadOnlyDictionary<string, TValue>? a, IReadOnlyDictionary<string, TValue>? b, Func<TValue, TValue, bool>? equal = null)
    {
        int countA = a?.Count ?? 0;
        int countB = b?.Count ?? 0;
        if (countA != countB)
        {
            return false;
        }
        if (countA == 0)
        {
            return true;
        }
        equal ??= static (x, y) => EqualityComparer<TValue>.Default.Equals(x, y);
        foreach ((string key, TValue value) in a!)
        {
            if (!b!.TryGetValue(key, out TValue? other) || !equal(value, other))
            {
                return false;
            }
        }
        return true;
    }
}
