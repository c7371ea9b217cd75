namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// The rules of every ordered link and the live proxied connections, shared by all the suite's <see cref="LinkProxy"/>s.
/// Thread-safe: one lock guards the rule table and the connection set; resets run outside it. The proxies consult
/// <see cref="RuleFor"/> per chunk, so a rule takes effect on the next chunk; a new cut also resets the connections it
/// covers at once. Randomness (jitter, drops) comes from one seeded <see cref="Random"/>, under the same lock.
/// </summary>
public sealed class NetworkControl
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Link, LinkRule> _rules = [];
    private readonly HashSet<ProxyConnection> _connections = [];
    private readonly Random _random;

    public NetworkControl(TimeProvider time, int seed)
    {
        Time = time;
        _random = new Random(seed);
    }

    public TimeProvider Time { get; }

    /// <summary>Sets the rule of one ordered link (replacing any) for <paramref name="duration"/>.</summary>
    public void Apply(Link link, Func<DateTimeOffset, LinkRule> rule, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(rule);
        LinkRule applied = rule(Time.GetUtcNow() + duration);
        List<ProxyConnection> reset;
        lock (_lock)
        {
            _rules[link] = applied;
            reset = applied.Kind == LinkRuleKind.Cut ? [.. _connections.Where(c => c.Carries(link))] : [];
        }
        foreach (ProxyConnection connection in reset)
        {
            connection.Reset();
        }
    }

    /// <summary>Cuts both directions between two members (a symmetric partition of one pair).</summary>
    public void CutBoth(string a, string b, TimeSpan duration)
    {
        Apply(new Link(a, b), LinkRule.Cut, duration);
        Apply(new Link(b, a), LinkRule.Cut, duration);
    }

    /// <summary>Cuts <paramref name="isolated"/> from every other member, both ways (external clients keep reaching it).</summary>
    public void Isolate(string isolated, IEnumerable<string> others, TimeSpan duration)
    {
        foreach (string other in others.Where(o => o != isolated))
        {
            CutBoth(isolated, other, duration);
        }
    }

    /// <summary>Removes the rule of one ordered link; a connection that lost bytes to it resets on its next chunk.</summary>
    public void Heal(Link link)
    {
        lock (_lock)
        {
            _rules.Remove(link);
        }
    }

    public void HealAll()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>The rule in force on a link now; null if none (an expired rule is removed here).</summary>
    public LinkRule? RuleFor(Link link)
    {
        lock (_lock)
        {
            if (!_rules.TryGetValue(link, out LinkRule? rule))
            {
                return null;
            }
            if (rule.Until <= Time.GetUtcNow())
            {
                _rules.Remove(link);
                return null;
            }
            return rule;
        }
    }

    /// <summary>True if either direction between the two is cut: no connection may exist between them.</summary>
    public bool IsCut(Link link) =>
        RuleFor(link) is { Kind: LinkRuleKind.Cut } || RuleFor(link.Reversed) is { Kind: LinkRuleKind.Cut };

    /// <summary>The rules in force, for the fault timeline and the tests.</summary>
    public IReadOnlyDictionary<Link, LinkRule> Rules
    {
        get
        {
            lock (_lock)
            {
                DateTimeOffset now = Time.GetUtcNow();
                return _rules.Where(r => r.Value.Until > now).ToDictionary();
            }
        }
    }

    /// <summary>The live connections by link, for the tests (source identification) and diagnostics.</summary>
    public IReadOnlyList<Link> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections.Select(c => c.Forward)];
            }
        }
    }

    internal double NextDouble()
    {
        lock (_lock)
        {
            return _random.NextDouble();
        }
    }

    internal void Register(ProxyConnection connection)
    {
        lock (_lock)
        {
            _connections.Add(connection);
        }
    }

    internal void Unregister(ProxyConnection connection)
    {
        lock (_lock)
        {
            _connections.Remove(connection);
        }
    }
}
