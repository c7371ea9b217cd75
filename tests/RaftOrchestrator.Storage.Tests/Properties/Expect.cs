namespace RaftOrchestrator.Storage.Tests.Properties;

/// <summary>Assertions whose failure message says which step of the scenario went wrong.</summary>
internal static class Expect
{
    public static void Same(string expected, string actual, string what)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            return;
        }
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        int line = 0;
        while (line < e.Length && line < a.Length && string.Equals(e[line], a[line], StringComparison.Ordinal))
        {
            line++;
        }
        Assert.Fail(
            $"{what}: first difference at line {line + 1}\n"
            + $"  expected: {(line < e.Length ? e[line].TrimEnd() : "<end>")}\n"
            + $"  actual:   {(line < a.Length ? a[line].TrimEnd() : "<end>")}\n"
            + $"--- expected (model) ---\n{expected}\n--- actual (store) ---\n{actual}");
    }
}
