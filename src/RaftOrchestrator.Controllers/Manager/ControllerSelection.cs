namespace RaftOrchestrator.Controllers.Manager;

/// <summary>
/// kube-controller-manager's --controllers list: "*" enables every controller that is on by default, "name"
/// enables one, "-name" disables one (later entries win). Unknown names are an error, not silently ignored.
/// </summary>
public sealed class ControllerSelection
{
    private readonly bool _all;
    private readonly HashSet<string> _on;
    private readonly HashSet<string> _off;

    private ControllerSelection(bool all, HashSet<string> on, HashSet<string> off)
    {
        _all = all;
        _on = on;
        _off = off;
    }

    public static ControllerSelection All { get; } = new(all: true, [], []);

    public static ControllerSelection None { get; } = new(all: false, [], []);

    public bool IsEnabled(string name) => !_off.Contains(name) && (_all || _on.Contains(name));

    /// <summary>Parses "a,b,-c" against the known names; the error names the offending entry.</summary>
    public static bool TryParse(string? text, IReadOnlyCollection<string> known, out ControllerSelection selection, out string? error)
    {
        ArgumentNullException.ThrowIfNull(known);
        selection = All;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        bool all = false;
        var on = new HashSet<string>(StringComparer.Ordinal);
        var off = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "*")
            {
                all = true;
                continue;
            }
            bool disable = raw.StartsWith('-');
            string name = disable ? raw[1..] : raw;
            if (!known.Contains(name))
            {
                error = $"--controllers: unknown controller \"{name}\" (known: {string.Join(", ", known.Order(StringComparer.Ordinal))})";
                return false;
            }
            (disable ? off : on).Add(name);
            (disable ? on : off).Remove(name);
        }
        selection = new ControllerSelection(all, on, off);
        return true;
    }
}
