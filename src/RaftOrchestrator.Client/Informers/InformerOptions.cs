namespace RaftOrchestrator.Client.Informers;

/// <summary>Tunables of an <see cref="Informer{T}"/>; the defaults are client-go's reflector's.</summary>
public sealed record InformerOptions
{
    /// <summary>Objects per list page: big enough for few round trips, small enough that one reply stays modest.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>The first wait after a failed list or watch (client-go: 800 ms), doubled on each further failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>The longest wait between attempts (client-go: 30 s), so a long outage is noticed soon after it ends.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Watches ask the server to end them after a random time between this and twice this (client-go: 5 min), so a
    /// fleet of informers does not reconnect at once and each resumes from a recent revision.
    /// </summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Seeds the jitter of backoffs and watch timeouts (mixed with the resource's name).</summary>
    public int Seed { get; init; }

    /// <summary>Only this namespace (null: all namespaces).</summary>
    public string? Namespace { get; init; }

    /// <summary>Only objects matching this label selector (the server filters lists and watches).</summary>
    public string? LabelSelector { get; init; }

    /// <summary>Only objects matching this field selector (spec.nodeName=n for a node agent's pods).</summary>
    public string? FieldSelector { get; init; }
}
