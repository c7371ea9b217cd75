namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// What dropping means on a TCP link. A proxy cannot lose a segment the way a network does (the kernels on both sides
/// have already acknowledged it, and TCP would retransmit a real loss anyway), and discarding bytes from the middle of
/// a stream leaves the receiver reading garbage. So a drop either ends the connection, or blackholes the link for a
/// burst and then ends the connection, which is what a peer sees from a lossy network: stalls and reconnects.
/// </summary>
public enum DropMode
{
    /// <summary>A picked chunk resets the connection (both sockets get an RST).</summary>
    Reset,

    /// <summary>A picked chunk starts a burst: the link's bytes are discarded for the burst, then the connection is reset.</summary>
    BlackholeBurst,
}
