using System.Text;

namespace RaftOrchestrator.Agent.Env;

/// <summary>
/// Kubernetes' $(VAR) expansion (third_party/forked/golang/expansion) for env values, command and args:
/// <list type="bullet">
/// <item><c>$(NAME)</c> becomes NAME's value when NAME is defined, and stays <c>$(NAME)</c> as written when not;</item>
/// <item><c>$$</c> is an escaped <c>$</c>: <c>$$(NAME)</c> becomes the literal <c>$(NAME)</c>;</item>
/// <item>a <c>$</c> before anything else, or a <c>$(</c> with no closing parenthesis, is kept as written.</item>
/// </list>
/// Example: with A=1, "x$(A)-$$(A)-$(B)-$" expands to "x1-$(A)-$(B)-$".
/// </summary>
public static class VariableExpansion
{
    /// <summary>Expands <paramref name="input"/>; <paramref name="lookup"/> answers false for an undefined name.</summary>
    public static string Expand(string input, Func<string, (bool Found, string Value)> lookup)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lookup);
        if (!input.Contains('$', StringComparison.Ordinal))
        {
            return input;
        }
        var output = new StringBuilder(input.Length);
        int i = 0;
        while (i < input.Length)
        {
            char c = input[i];
            if (c != '$' || i + 1 == input.Length)
            {
                output.Append(c);
                i++;
                continue;
            }
            char next = input[i + 1];
            if (next == '$')
            {
                output.Append('$');
                i += 2;
                continue;
            }
            if (next == '(')
            {
                int close = input.IndexOf(')', i + 2);
                if (close >= 0)
                {
                    string name = input[(i + 2)..close];
                    (bool found, string value) = lookup(name);
                    output.Append(found ? value : $"$({name})");
                    i = close + 1;
                    continue;
                }
            }
            // Not a reference: the '$' stays, and the next character is read on its own (it may start one).
            output.Append('$');
            i++;
        }
        return output.ToString();
    }

    /// <summary>Expands against a name-to-value map (later definitions already won when it was built).</summary>
    public static string Expand(string input, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Expand(input, name => variables.TryGetValue(name, out string? value) ? (true, value) : (false, ""));
    }
}
