using RaftOrchestrator.Chaos.Cluster.Net;

namespace RaftOrchestrator.Chaos.Cluster.Tests.Net;

public sealed class ProcNetTcpTests
{
    private const string Table =
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
        "   0: 0100007F:2EE0 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1111 1 0000000000000000 100 0 0 10 0\n" +
        "   1: 0100007F:A1F3 0100007F:2EE0 01 00000000:00000000 00:00000000 00000000  1000        0 2222 1 0000000000000000 20 4 30 10 -1\n" +
        "   2: 0100007F:A1F4 0100007F:2EE0 06 00000000:00000000 03:00000BB8 00000000     0        0 0 3 0000000000000000\n";

    [Theory]
    [InlineData(0xA1F3, 0x2EE0, 2222L)]   // the dialing socket of a connection to port 12000
    [InlineData(0xA1F4, 0x2EE0, null)]    // TIME_WAIT: no inode, no owner
    [InlineData(0x2EE0, 0xA1F3, null)]    // the other end is not in this table
    public void FindInode_matches_local_and_remote_ports(int localPort, int remotePort, long? expected) =>
        Assert.Equal(expected, ProcNetTcp.FindInode(Table, localPort, remotePort));

    [Fact]
    public void Tcp6_lines_with_mapped_ipv4_addresses_parse_the_same()
    {
        const string table6 =
            "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
            "   0: 0000000000000000FFFF00000100007F:A1F3 0000000000000000FFFF00000100007F:2EE0 01 00000000:00000000 00:00000000 00000000  1000        0 3333 1\n";
        Assert.Equal(3333L, ProcNetTcp.FindInode(table6, 0xA1F3, 0x2EE0));
    }
}
