namespace RaftOrchestrator.Server.Kube.Auth;

/// <summary>
/// Anonymous requests plus static bearer tokens (kube-apiserver's --token-auth-file: CSV lines
/// <c>token,user,uid,"group1,group2"</c>). A request with a bearer token that is not in the file is refused;
/// one without credentials is anonymous. Over plain HTTP kubectl sends no credentials at all, so tokens need TLS.
/// </summary>
public sealed class TokenAuthenticator : IAuthenticator
{
    private readonly Dictionary<string, UserInfo> _tokens;

    public TokenAuthenticator(IReadOnlyDictionary<string, UserInfo> tokens) => _tokens = new Dictionary<string, UserInfo>(tokens, StringComparer.Ordinal);

    public static TokenAuthenticator FromFile(string? path)
    {
        var tokens = new Dictionary<string, UserInfo>(StringComparer.Ordinal);
        if (path is null)
        {
            return new TokenAuthenticator(tokens);
        }
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            List<string> fields = SplitCsv(line);
            if (fields.Count < 3 || fields[0].Length == 0)
            {
                throw new FormatException($"{path}: a line needs token,user,uid[,\"groups\"]: {line}");
            }
            string[] groups = fields.Count > 3 ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            tokens[fields[0]] = new UserInfo(fields[1], fields[2], [.. groups, "system:authenticated"]);
        }
        return new TokenAuthenticator(tokens);
    }

    /// <summary>A copy that also accepts <paramref name="token"/> as <paramref name="user"/>.</summary>
    public TokenAuthenticator With(string token, UserInfo user) =>
        new(new Dictionary<string, UserInfo>(_tokens, StringComparer.Ordinal) { [token] = user });

    public UserInfo? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? header = request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return UserInfo.Anonymous;
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return _tokens.GetValueOrDefault(header["Bearer ".Length..].Trim());
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString().Trim());
        return fields;
    }
}
