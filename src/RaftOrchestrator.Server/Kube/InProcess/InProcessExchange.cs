using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace RaftOrchestrator.Server.Kube.InProcess;

/// <summary>
/// One in-process request's response side, as the HttpContext features the endpoints write to: status and headers,
/// a body pipe, and the abort token. The response "starts" at the first flush or write of the body (or when the
/// handler returns): then the headers freeze and the caller gets its <see cref="HttpResponseMessage"/>, whose
/// content reads the pipe while the handler may still be writing (a watch writes until aborted).
/// </summary>
/// <remarks>
/// Ownership: the handler's task (<see cref="RunAsync"/>) is the only writer and completes the pipe; the caller's
/// response stream is the only reader and, when disposed, completes the reader and aborts the request. Abort may
/// come from any thread. The pipe pauses the writer past <see cref="PauseWriterBytes"/> unread bytes, the
/// back-pressure a socket would give.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "the abort source is never disposed, see the field")]
internal sealed class InProcessExchange : IHttpResponseFeature, IHttpResponseBodyFeature, IHttpRequestLifetimeFeature
{
    private const int PauseWriterBytes = 1 << 20;

    private static readonly PipeOptions s_pipeOptions = new(
        pauseWriterThreshold: PauseWriterBytes, resumeWriterThreshold: PauseWriterBytes / 2, useSynchronizationContext: false);

    private readonly HttpRequestMessage _request;
    private readonly Pipe _pipe = new(s_pipeOptions);
    private readonly ResponseBodyWriter _writer;
    // Never disposed: it has no timer and nothing waits on its handle, and Abort may still be called after the handler ended.
    private readonly CancellationTokenSource _aborted = new();
    private readonly TaskCompletionSource<HttpResponseMessage> _response = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HeaderDictionary _headers = new();
    private readonly List<(Func<object, Task> Callback, object State)> _onStarting = [];
    private readonly List<(Func<object, Task> Callback, object State)> _onCompleted = [];
    private Stream? _stream;
    private int _statusCode = 200;
    private bool _started;

    public InProcessExchange(HttpRequestMessage request)
    {
        _request = request;
        _writer = new ResponseBodyWriter(_pipe.Writer, this);
    }

    /// <summary>Completes when the response starts.</summary>
    public Task<HttpResponseMessage> Response => _response.Task;

    public int StatusCode
    {
        get => _statusCode;
        set => _statusCode = _started ? throw new InvalidOperationException("the response has started") : value;
    }

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers
    {
        get => _headers;
        set => throw new NotSupportedException("the response headers are not replaceable");
    }

    [Obsolete("Use IHttpResponseBodyFeature.Stream")]
    public Stream Body
    {
        get => Stream;
        set => throw new NotSupportedException("the response body is not replaceable");
    }

    public bool HasStarted => _started;

    public Stream Stream => _stream ??= _writer.AsStream(leaveOpen: true);

    public PipeWriter Writer => _writer;

    public CancellationToken RequestAborted
    {
        get => _aborted.Token;
        set => throw new NotSupportedException("the abort token is the exchange's");
    }

    public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));

    public void OnCompleted(Func<object, Task> callback, object state) => _onCompleted.Add((callback, state));

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => EnsureStartedAsync();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await EnsureStartedAsync();
        await _writer.CompleteAsync();
    }

    public void Abort()
    {
        try
        {
            _aborted.Cancel();
        }
        catch (AggregateException)
        {
            // a callback of the abort token failed: the request ends all the same
        }
    }

    /// <summary>Runs the request through <paramref name="handle"/>, then completes the body; never throws.</summary>
    public async Task RunAsync(RequestDelegate handle, HttpContext context, CancellationTokenRegistration callerCancellation)
    {
        try
        {
            await handle(context);
            await EnsureStartedAsync();
            await _pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            if (!_started)
            {
                _response.TrySetException(new HttpRequestException(HttpRequestError.Unknown, "the in-process request failed", e));
            }
            await _pipe.Writer.CompleteAsync(new IOException("the in-process request failed", e));
        }
        finally
        {
            await callerCancellation.DisposeAsync();
            foreach ((Func<object, Task> callback, object state) in _onCompleted)
            {
                await callback(state);
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000", Justification = "the response message is handed to the caller through the completion source")]
    internal async Task EnsureStartedAsync()
    {
        if (_started)
        {
            return;
        }
        for (int i = _onStarting.Count - 1; i >= 0; i--)
        {
            await _onStarting[i].Callback(_onStarting[i].State);
        }
        _started = true;
        _headers.IsReadOnly = true;
        HttpResponseMessage message = Message();
        if (!_response.TrySetResult(message))
        {
            message.Dispose();   // the caller gave up before the start
        }
    }

    private HttpResponseMessage Message()
    {
        var content = new StreamContent(new ResponseStream(_pipe.Reader.AsStream(), Abort));
        var message = new HttpResponseMessage((HttpStatusCode)_statusCode)
        {
            ReasonPhrase = ReasonPhrase,
            RequestMessage = _request,
            Version = HttpVersion.Version11,
            Content = content,
        };
        foreach (KeyValuePair<string, StringValues> header in _headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value))
            {
                content.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
            }
        }
        return message;
    }
}
