using System.Globalization;
using System.Text;

namespace RaftOrchestrator.LoadGen;

/// <summary>Builds one <c>TAG key=value ...</c> line with invariant formatting.</summary>
internal sealed class ResultLine
{
    private readonly StringBuilder _text;

    public ResultLine(string tag) => _text = new StringBuilder(tag);

    public ResultLine Add(string key, string value)
    {
        _text.Append(' ').Append(key).Append('=').Append(value);
        return this;
    }

    public ResultLine Add(string key, long value) => Add(key, value.ToString(CultureInfo.InvariantCulture));

    public ResultLine Add(string key, double value, int decimals = 3) =>
        Add(key, value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    public ResultLine AddLatency(string prefix, LatencySummary latency)
    {
        Add(prefix + "avg_ms", latency.Avg);
        Add(prefix + "p50_ms", latency.P50);
        Add(prefix + "p90_ms", latency.P90);
        Add(prefix + "p99_ms", latency.P99);
        return Add(prefix + "max_ms", latency.Max);
    }

    public override string ToString() => _text.ToString();
}
