using System.Globalization;

namespace RaftOrchestrator.BenchHarness;

/// <summary>Numbers in the result tables: invariant culture, thousands separated.</summary>
public static class BenchFormat
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string F(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
