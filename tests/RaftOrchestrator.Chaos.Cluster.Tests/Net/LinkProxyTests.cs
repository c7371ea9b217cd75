using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RaftOrchestrator.Chaos.Cluster.Net;

namespace RaftOrchestrator.Chaos.Cluster.Tests.Net;

/// <summary>
/// The link proxy on real loopback sockets: this test process is the member "self" (its own PID identifies it through
/// /proc), an <see cref="EchoServer"/> is the member "echo" behind the proxy.
/// </summary>
public sealed class LinkProxyTests : IAsyncLifetime
{
    private static readonly TimeSpan s_quiet = TimeSpan.FromMilliseconds(400);

    private readonly EchoServer _echo = new();
    private readonly NetworkControl _control = new(TimeProvider.System, seed: 8);
    private LinkProxy _proxy = null!;
    private ConnectionSources _sources = null!;

    public ValueTask InitializeAsync()
    {
        _sources = new ConnectionSources(() => new Dictionary<int, string> { [Environment.ProcessId] = "self" });
        _proxy = new LinkProxy("echo", new IPEndPoint(IPAddress.Loopback, LoopbackPorts.Next()), _echo.EndPoint, _control, _sources.Identify);
        _proxy.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Fact]
    public async Task Bytes_pass_through_both_ways_and_the_source_is_this_process()
    {
        using Socket client = await ConnectAsync();
        byte[] payload = [.. Enumerable.Range(0, 100_000).Select(i => (byte)i)];
        await client.SendAsync(payload, SocketFlags.None, TestContext.Current.CancellationToken);
        byte[] echoed = await ReceiveExactlyAsync(client, payload.Length, TimeSpan.FromSeconds(5));
        Assert.Equal(payload, echoed);
        Assert.Contains(new Link("self", "echo"), _control.Connections);
    }

    [Fact]
    public async Task A_burst_of_connections_is_identified_with_fewer_scans_than_connections()
    {
        // Followers dial each other all at once at their first election: one fd scan must serve many of them.
        Socket[] clients = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => ConnectAsync()));
        try
        {
            await Task.WhenAll(clients.Select(RoundTripAsync));

            Assert.Equal(12, _control.Connections.Count(l => l == new Link("self", "echo")));
            Assert.InRange(_sources.Scans, 1, 11);
        }
        finally
        {
            foreach (Socket client in clients) client.Dispose();
        }
    }

    [Fact]
    public async Task An_unknown_process_is_external()
    {
        var sources = new ConnectionSources(() => new Dictionary<int, string> { [Environment.ProcessId + 1_000_000] = "other" });
        await using var proxy = new LinkProxy("echo", new IPEndPoint(IPAddress.Loopback, LoopbackPorts.Next()), _echo.EndPoint, _control, sources.Identify);
        proxy.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(proxy.ListenEndPoint, TestContext.Current.CancellationToken);
        await RoundTripAsync(client);
        Assert.Contains(new Link(Link.External, "echo"), _control.Connections);
    }

    [Fact]
    public async Task A_cut_resets_the_open_connection_refuses_new_ones_and_heals()
    {
        using Socket before = await ConnectAsync();
        await RoundTripAsync(before);

        _control.CutBoth("self", "echo", TimeSpan.FromMinutes(1));
        Assert.True(await IsClosedAsync(before), "the open connection was not reset");
        using Socket during = await ConnectAsync();
        Assert.True(await IsClosedAsync(during), "a new connection was not refused");

        _control.Heal(new Link("self", "echo"));
        _control.Heal(new Link("echo", "self"));
        using Socket after = await ConnectAsync();
        await RoundTripAsync(after);
    }

    [Fact]
    public async Task A_rule_ends_by_itself_when_its_duration_is_over()
    {
        _control.CutBoth("self", "echo", TimeSpan.FromMilliseconds(300));
        using Socket during = await ConnectAsync();
        Assert.True(await IsClosedAsync(during));
        await Task.Delay(400, TestContext.Current.CancellationToken);
        using Socket after = await ConnectAsync();
        await RoundTripAsync(after);
    }

    [Fact]
    public async Task One_way_cut_of_requests_blackholes_them_before_the_destination()
    {
        using Socket client = await ConnectAsync();
        await RoundTripAsync(client);
        long received = _echo.Received;
        _control.Apply(new Link("self", "echo"), LinkRule.Blackhole, TimeSpan.FromMinutes(1));
        await client.SendAsync(new byte[] { 1, 2, 3 }, SocketFlags.None, TestContext.Current.CancellationToken);
        Assert.Null(await TryReceiveAsync(client, s_quiet));
        Assert.Equal(received, _echo.Received);
    }

    [Fact]
    public async Task One_way_cut_of_replies_lets_requests_through_and_drops_the_answers()
    {
        using Socket client = await ConnectAsync();
        await RoundTripAsync(client);
        long received = _echo.Received;
        _control.Apply(new Link("echo", "self"), LinkRule.Blackhole, TimeSpan.FromMinutes(1));
        await client.SendAsync(new byte[] { 1, 2, 3 }, SocketFlags.None, TestContext.Current.CancellationToken);
        Assert.Null(await TryReceiveAsync(client, s_quiet));
        Assert.Equal(received + 3, _echo.Received);
    }

    [Fact]
    public async Task After_a_one_way_cut_heals_the_connection_that_lost_bytes_is_reset()
    {
        using Socket client = await ConnectAsync();
        _control.Apply(new Link("self", "echo"), LinkRule.Blackhole, TimeSpan.FromMinutes(1));
        await client.SendAsync(new byte[] { 1 }, SocketFlags.None, TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        _control.Heal(new Link("self", "echo"));
        await client.SendAsync(new byte[] { 2 }, SocketFlags.None, TestContext.Current.CancellationToken);
        Assert.True(await IsClosedAsync(client), "a stream with a hole was delivered");
    }

    [Fact]
    public async Task Delay_holds_each_chunk_back_and_keeps_the_order()
    {
        using Socket client = await ConnectAsync();
        await RoundTripAsync(client);
        _control.Apply(new Link("self", "echo"), until => LinkRule.Delayed(TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(100), until), TimeSpan.FromMinutes(1));
        long started = Stopwatch.GetTimestamp();
        byte[] sent = new byte[40];
        for (int i = 0; i < sent.Length; i++)
        {
            sent[i] = (byte)i;
            await client.SendAsync(new[] { sent[i] }, SocketFlags.None, TestContext.Current.CancellationToken);
            await Task.Delay(2, TestContext.Current.CancellationToken);
        }
        byte[] echoed = await ReceiveExactlyAsync(client, sent.Length, TimeSpan.FromSeconds(10));
        Assert.Equal(sent, echoed);
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(145), $"took {Stopwatch.GetElapsedTime(started)}");
    }

    [Fact]
    public async Task Drop_with_reset_mode_and_probability_one_resets_on_the_first_chunk()
    {
        using Socket client = await ConnectAsync();
        await RoundTripAsync(client);
        _control.Apply(new Link("self", "echo"), until => LinkRule.Dropping(1.0, DropMode.Reset, until), TimeSpan.FromMinutes(1));
        await client.SendAsync(new byte[] { 9 }, SocketFlags.None, TestContext.Current.CancellationToken);
        Assert.True(await IsClosedAsync(client));
    }

    [Fact]
    public async Task Drop_with_probability_zero_changes_nothing()
    {
        using Socket client = await ConnectAsync();
        _control.Apply(new Link("self", "echo"), until => LinkRule.Dropping(0.0, DropMode.BlackholeBurst, until), TimeSpan.FromMinutes(1));
        for (int i = 0; i < 20; i++)
        {
            await RoundTripAsync(client);
        }
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(_proxy.ListenEndPoint, TestContext.Current.CancellationToken);
        return socket;
    }

    private static async Task RoundTripAsync(Socket client)
    {
        byte[] ping = [42, 43, 44];
        await client.SendAsync(ping, SocketFlags.None, TestContext.Current.CancellationToken);
        Assert.Equal(ping, await ReceiveExactlyAsync(client, ping.Length, TimeSpan.FromSeconds(5)));
    }

    private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count, TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        byte[] buffer = new byte[count];
        int at = 0;
        while (at < count)
        {
            int read = await socket.ReceiveAsync(buffer.AsMemory(at), SocketFlags.None, cts.Token);
            Assert.True(read > 0, $"closed after {at} of {count} bytes");
            at += read;
        }
        return buffer;
    }

    /// <summary>Bytes within <paramref name="wait"/>, or null if none came (and the connection is still open).</summary>
    private static async Task<byte[]?> TryReceiveAsync(Socket socket, TimeSpan wait)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(wait);
        byte[] buffer = new byte[256];
        try
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            return buffer[..read];
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>True once the peer closed or reset the connection (within two seconds).</summary>
    private static async Task<bool> IsClosedAsync(Socket socket)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(2));
        byte[] buffer = new byte[256];
        try
        {
            while (true)
            {
                if (await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
