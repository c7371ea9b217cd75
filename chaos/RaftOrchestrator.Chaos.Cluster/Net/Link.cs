namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// An ordered link between two members, by name: the bytes that <see cref="From"/> sends to <see cref="To"/>, whichever
/// of the two opened the connection. A connection between them carries both links, one per direction.
/// </summary>
public readonly record struct Link(string From, string To)
{
    /// <summary>The source of a connection that no known member process holds (a test client, etcdctl, a dead member).</summary>
    public const string External = "external";

    public Link Reversed => new(To, From);

    public override string ToString() => $"{From}->{To}";
}
