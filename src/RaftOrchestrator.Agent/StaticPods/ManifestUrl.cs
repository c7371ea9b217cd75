using System.Net;
using Microsoft.Extensions.Logging;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;

namespace RaftOrchestrator.Agent.StaticPods;

/// <summary>
/// The http source (the kubelet's staticPodURL): a GET of the URL (10 s timeout) whose body is a Pod or a PodList.
/// As the kubelet: a status other than 200 or a body that is not valid keeps the pods given last; an empty 200
/// body means no pods; a body equal to the last one read changes nothing. Failures are logged once each, and a
/// recovery once. Not thread-safe: one poller reads it.
/// </summary>
internal sealed class ManifestUrl(Uri url, string nodeName, HttpClient http, ILogger logger) : IManifestSource
{
    /// <summary>The kubelet's manifest client timeout.</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    private byte[]? _last;
    private string? _failure;

    public string Name => StaticPodAnnotations.HttpSource;

    public string Location => url.ToString();

    public async Task<IReadOnlyList<Pod>?> ReadAsync(bool relist, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_timeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Failed($"{(int)response.StatusCode} {response.ReasonPhrase}");
            }
            if (response.Content.Headers.ContentLength > YamlToJson.MaxLength)
            {
                return Failed($"the body is larger than {YamlToJson.MaxLength} bytes");
            }
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"no answer within {s_timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return Failed(e.Message);
        }
        if (body.Length == 0)
        {
            _last = body;
            Recovered();
            return [];
        }
        if (_last is not null && body.AsSpan().SequenceEqual(_last))
        {
            return null;
        }
        _last = body;
        ManifestRead read = StaticPodManifest.ReadHttp(body, url.ToString(), nodeName);
        if (!read.IsOk)
        {
            return Failed(read.Error!);
        }
        Recovered();
        return read.Pods;
    }

    private IReadOnlyList<Pod>? Failed(string why)
    {
        if (_failure != why)
        {
            _failure = why;
            StaticPodLog.ManifestUrlFailed(logger, url.ToString(), why);
        }
        return null;
    }

    private void Recovered()
    {
        if (_failure is not null)
        {
            _failure = null;
            StaticPodLog.ManifestRecovered(logger, url.ToString());
        }
    }
}
