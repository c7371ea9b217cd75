using System.Net;
using System.Net.Sockets;

namespace RaftOrchestrator.Chaos.Cluster.Net;

/// <summary>
/// A loopback TCP proxy in front of one port of one member (its peer or its client port): members and clients dial
/// <see cref="ListenEndPoint"/>, and each accepted connection is joined to <see cref="Upstream"/>. The source of a
/// connection (which member dialed) comes from the source identifier (<see cref="ConnectionSources.Identify"/>), so the <see cref="NetworkControl"/>
/// rules of the link source→<see cref="Destination"/> (and back) apply to it. A connection on a cut link is reset at
/// accept; one whose upstream refuses (the member is down) is reset too, as the member itself would do.
/// </summary>
public sealed class LinkProxy : IAsyncDisposable
{
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(1);

    private readonly NetworkControl _control;
    private readonly Func<IPEndPoint, IPEndPoint, string> _identifySource;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private Task _accepting = Task.CompletedTask;

    /// <summary>Binds <paramref name="listen"/> now (port 0: any); <paramref name="identifySource"/> maps the (remote, local)
    /// endpoints of an accepted socket to the member that dialed, or <see cref="Link.External"/>.</summary>
    public LinkProxy(string destination, IPEndPoint listen, IPEndPoint upstream, NetworkControl control, Func<IPEndPoint, IPEndPoint, string> identifySource)
    {
        Destination = destination;
        Upstream = upstream;
        _control = control;
        _identifySource = identifySource;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(listen);
        ListenEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
    }

    public string Destination { get; }

    public IPEndPoint ListenEndPoint { get; }

    public IPEndPoint Upstream { get; }

    public void Start()
    {
        _listener.Listen(128);
        _accepting = Task.Run(AcceptLoopAsync);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Task handled = Task.Run(() => HandleAsync(accepted));
            lock (_connections)
            {
                _connections.RemoveAll(t => t.IsCompleted);
                _connections.Add(handled);
            }
        }
    }

    private async Task HandleAsync(Socket accepted)
    {
        try
        {
            await ProxyAsync(accepted);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            Abort(accepted);   // reset before it could be proxied (its endpoints are gone)
        }
    }

    private async Task ProxyAsync(Socket accepted)
    {
        accepted.NoDelay = true;
        string source = _identifySource((IPEndPoint)accepted.RemoteEndPoint!, (IPEndPoint)accepted.LocalEndPoint!);
        var link = new Link(source, Destination);
        if (_control.IsCut(link))
        {
            Abort(accepted);
            return;
        }
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(s_connectTimeout);
            await upstream.ConnectAsync(Upstream, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            Abort(accepted);
            upstream.Dispose();
            return;
        }
        using var connection = new ProxyConnection(accepted, upstream, link, _control);
        using CancellationTokenRegistration stopping = _stop.Token.Register(connection.Reset);
        await connection.RunAsync();
    }

    private static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
        }
        socket.Dispose();
    }

    /// <summary>Stops accepting and resets every connection of this proxy.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting;
        Task[] running;
        lock (_connections)
        {
            running = [.. _connections];
        }
        await Task.WhenAll(running);
        _stop.Dispose();
    }
}
