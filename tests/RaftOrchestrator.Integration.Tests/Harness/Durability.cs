namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>The one durability assertion: every acknowledged write is present.</summary>
internal static class Durability
{
    public static void AssertAllPresent(IReadOnlyList<string> acknowledged, IReadOnlySet<string> present)
    {
        string[] lost = [.. acknowledged.Where(k => !present.Contains(k))];
        Assert.True(lost.Length == 0,
            $"{lost.Length} of {acknowledged.Count} acknowledged writes are missing, e.g. {string.Join(", ", lost.Take(5))}");
    }
}
