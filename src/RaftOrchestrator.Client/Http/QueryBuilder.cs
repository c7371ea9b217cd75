using System.Globalization;
using System.Text;

namespace RaftOrchestrator.Client.Http;

/// <summary>A path with query parameters; values are escaped, absent (null, empty, false, 0) ones left out.</summary>
internal sealed class QueryBuilder(string path)
{
    private readonly StringBuilder _text = new(path, path.Length + 64);
    private bool _any;

    public QueryBuilder Add(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _text.Append(_any ? '&' : '?').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            _any = true;
        }
        return this;
    }

    public QueryBuilder Add(string name, bool flag) => flag ? Add(name, "true") : this;

    public QueryBuilder Add(string name, long value) => value > 0 ? Add(name, value.ToString(CultureInfo.InvariantCulture)) : this;

    public override string ToString() => _text.ToString();
}
