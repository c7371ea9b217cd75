using System.Globalization;
using System.Net.Sockets;
using System.Text;
using RaftOrchestrator.Agent.Runtime;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.Agent.Probes;

/// <summary>
/// The actions probes and lifecycle hooks share, as the kubelet's prober runs them: exec through the runtime's
/// ExecSync (exit 0 is success), httpGet (a status from 200 to 399 is success; redirects are not followed, so a 3xx
/// counts as success as in the kubelet when the target is another host), tcpSocket (a connection is success). Every
/// call is bounded by its timeout on the agent's TimeProvider; failures are values, never exceptions.
/// </summary>
public sealed class ActionRunner
{
    /// <summary>The kubelet's prober User-Agent, with our release.</summary>
    public const string UserAgent = "kube-probe/1.32";

    private readonly IContainerRuntime _runtime;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public ActionRunner(IContainerRuntime runtime, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(time);
        _runtime = runtime;
        _http = http;
        _time = time;
    }

    /// <summary>A probe's one handler (exec, httpGet, tcpSocket; gRPC is not supported and always fails).</summary>
    public Task<ProbeResult> ProbeAsync(Probe probe, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Exec is { } exec)
        {
            return ExecAsync(exec, target, timeout, cancellationToken);
        }
        if (probe.HttpGet is { } http)
        {
            return HttpGetAsync(http, target, timeout, cancellationToken);
        }
        if (probe.TcpSocket is { } tcp)
        {
            return TcpAsync(tcp, target, timeout, cancellationToken);
        }
        return Task.FromResult(ProbeResult.Fail(probe.Grpc is null ? "the probe has no handler" : "gRPC probes are not supported by this agent"));
    }

    public async Task<ProbeResult> ExecAsync(ExecAction exec, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exec);
        ArgumentNullException.ThrowIfNull(target);
        IReadOnlyList<string> command = exec.Command ?? [];
        RuntimeResult<ExecResult> ran = await _runtime.ExecSyncAsync(target.ContainerId, command, timeout, cancellationToken);
        if (!ran.IsOk)
        {
            return ProbeResult.Fail(ran.Error!.Code == RuntimeErrorCode.DeadlineExceeded
                ? $"command \"{string.Join(' ', command)}\" timed out"
                : ran.Error.Message);
        }
        ExecResult result = ran.Value!;
        if (result.ExitCode == 0)
        {
            return ProbeResult.Ok;
        }
        string output = (Encoding.UTF8.GetString(result.Stdout) + Encoding.UTF8.GetString(result.Stderr)).Trim();
        return ProbeResult.Fail(output.Length > 0 ? output : $"command \"{string.Join(' ', command)}\" exited with {result.ExitCode}");
    }

    public async Task<ProbeResult> HttpGetAsync(HTTPGetAction action, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        if (!TryPort(action.Port, target.Container, out int port, out string? error))
        {
            return ProbeResult.Fail(error);
        }
        string scheme = string.Equals(action.Scheme, "HTTPS", StringComparison.OrdinalIgnoreCase) ? "https" : "http";
        string host = string.IsNullOrEmpty(action.Host) ? target.Host : action.Host;
        string path = string.IsNullOrEmpty(action.Path) ? "/" : action.Path.StartsWith('/') ? action.Path : "/" + action.Path;
        var url = new Uri($"{scheme}://{Bracketed(host)}:{port.ToString(CultureInfo.InvariantCulture)}{path}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        foreach (HTTPHeader header in action.HttpHeaders ?? [])
        {
            if (string.Equals(header.Name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = header.Value;
            }
            else
            {
                request.Headers.Remove(header.Name);
                request.Headers.TryAddWithoutValidation(header.Name, header.Value);
            }
        }
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            int code = (int)response.StatusCode;
            return code is >= 200 and < 400 ? ProbeResult.Ok : ProbeResult.Fail($"HTTP probe failed with statuscode: {code}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail($"Get \"{url}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        }
        catch (HttpRequestException e)
        {
            return ProbeResult.Fail($"Get \"{url}\": {e.Message}");
        }
    }

    public async Task<ProbeResult> TcpAsync(TCPSocketAction action, ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(target);
        if (!TryPort(action.Port, target.Container, out int port, out string? error))
        {
            return ProbeResult.Fail(error);
        }
        string host = string.IsNullOrEmpty(action.Host) ? target.Host : action.Host;
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, linked.Token);
            return ProbeResult.Ok;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail($"dial tcp {host}:{port}: i/o timeout");
        }
        catch (SocketException e)
        {
            return ProbeResult.Fail($"dial tcp {host}:{port}: connect: {e.Message}");
        }
    }

    /// <summary>A port number, or a container port's name (IANA_SVC_NAME) resolved against the container's ports.</summary>
    private static bool TryPort(IntOrString port, Container container, out int number, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        error = null;
        if (port.IsInt)
        {
            number = port.IntValue;
        }
        else if (int.TryParse(port.StringValue, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed))
        {
            number = parsed;
        }
        else
        {
            number = container.Ports?.Find(p => p.Name == port.StringValue)?.Port ?? 0;
            if (number == 0)
            {
                error = $"couldn't find port: {port.StringValue} in {container.Name}";
                return false;
            }
        }
        if (number is <= 0 or > 65535)
        {
            error = $"invalid port number: {number}";
            return false;
        }
        return true;
    }

    private static string Bracketed(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
}
