using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;

namespace RaftOrchestrator.Controllers.Scheduler;

/// <summary>
/// The binding cycle's hand-off: the scheduling loop enqueues a job per decision and moves on at once; one collector
/// groups jobs into calls of the <see cref="IPodBinder"/> — a group is sent when it is full, when
/// <see cref="BindingPipelineOptions.Linger"/> has passed since its first job, or at once on <see cref="Flush"/> (the
/// scheduling queue went idle) — with at most <see cref="BindingPipelineOptions.MaxInFlightBatches"/> groups in
/// flight. Each job's outcome is handed to the result callback, from the thread that finished the call.
/// </summary>
/// <remarks>
/// Jobs are sent in enqueue order. <see cref="RunAsync"/> owns the collector; when it is cancelled or the pipeline is
/// completed (<see cref="Complete"/>) it waits for the groups in flight, and jobs never sent are answered
/// <see cref="BindOutcomeKind.Failed"/> so no assumed pod is left behind. <see cref="Enqueue"/> and <see cref="Flush"/>
/// are thread-safe.
/// </remarks>
public sealed class BindingPipeline<TJob> where TJob : class
{
    private readonly Channel<TJob?> _jobs = Channel.CreateUnbounded<TJob?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IPodBinder _binder;
    private readonly Func<TJob, PodBinding> _bindingOf;
    private readonly Action<TJob, BindOutcome> _onResult;
    private readonly BindingPipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    // One token per group that may be in flight: taken before a send, returned when it is answered.
    private readonly Channel<bool> _slots;
    private readonly int _slotCount;
    private readonly int _maxBatch;
    private long _batches;
    private long _bindings;

    public BindingPipeline(
        IPodBinder binder, Func<TJob, PodBinding> bindingOf, Action<TJob, BindOutcome> onResult,
        BindingPipelineOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(binder);
        ArgumentNullException.ThrowIfNull(bindingOf);
        ArgumentNullException.ThrowIfNull(onResult);
        _binder = binder;
        _bindingOf = bindingOf;
        _onResult = onResult;
        _options = options ?? new BindingPipelineOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _slotCount = Math.Max(1, _options.MaxInFlightBatches);
        _slots = Channel.CreateBounded<bool>(_slotCount);
        for (int i = 0; i < _slotCount; i++)
        {
            _slots.Writer.TryWrite(true);
        }
        _maxBatch = Math.Max(1, Math.Min(_options.MaxBatchSize, binder.MaxBatchSize));
    }

    /// <summary>Groups sent so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Bindings sent so far.</summary>
    public long Bindings => Interlocked.Read(ref _bindings);

    public void Enqueue(TJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!_jobs.Writer.TryWrite(job))
        {
            _onResult(job, new BindOutcome(BindOutcomeKind.Failed, "the binder is stopped"));
        }
    }

    /// <summary>Sends the group being collected now, without waiting for the linger (ordered after the jobs before it).</summary>
    public void Flush() => _jobs.Writer.TryWrite(null);

    /// <summary>No more jobs: <see cref="RunAsync"/> sends what it has and returns.</summary>
    public void Complete() => _jobs.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ChannelReader<TJob?> reader = _jobs.Reader;
        // The group being collected or waiting for a slot: its jobs have left the channel, so a cancellation must
        // answer them here.
        var group = new List<TJob>();
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await CollectAsync(reader, group, cancellationToken).ConfigureAwait(false);
                if (group.Count == 0)
                {
                    continue;
                }
                await _slots.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                _ = SendAsync(group, cancellationToken);
                group = [];
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the term ended
        }
        _jobs.Writer.TryComplete();
        for (int i = 0; i < _slotCount; i++)
        {
            await _slots.Reader.ReadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        foreach (TJob unsent in group)
        {
            _onResult(unsent, new BindOutcome(BindOutcomeKind.Failed, "the scheduler is stopping"));
        }
        while (reader.TryRead(out TJob? left))
        {
            if (left is not null)
            {
                _onResult(left, new BindOutcome(BindOutcomeKind.Failed, "the scheduler is stopping"));
            }
        }
    }

    /// <summary>Takes jobs into <paramref name="group"/> until it is full, a flush marker, or the linger since its first job.</summary>
    private async Task CollectAsync(ChannelReader<TJob?> reader, List<TJob> group, CancellationToken cancellationToken)
    {
        long started = 0;
        while (group.Count < _maxBatch)
        {
            if (reader.TryRead(out TJob? job))
            {
                if (job is null)
                {
                    if (group.Count > 0)
                    {
                        break;
                    }
                    continue;
                }
                if (group.Count == 0)
                {
                    started = _time.GetTimestamp();
                }
                group.Add(job);
                continue;
            }
            if (group.Count == 0)
            {
                break;
            }
            TimeSpan remaining = _options.Linger - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero || !await MoreWithinAsync(reader, remaining, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }
    }

    /// <summary>True when a job (or marker) arrived within <paramref name="wait"/>; false on timeout or completion.</summary>
    private async Task<bool> MoreWithinAsync(ChannelReader<TJob?> reader, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<bool> more = reader.WaitToReadAsync(race.Token).AsTask();
        Task timeout = Task.Delay(wait, _time, race.Token);
        Task first = await Task.WhenAny(more, timeout).ConfigureAwait(false);
        await race.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == more && more.IsCompletedSuccessfully && await more.ConfigureAwait(false);
    }

    private async Task SendAsync(List<TJob> group, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _bindings, group.Count);
            PodBinding[] bindings = [.. group.Select(_bindingOf)];
            IReadOnlyList<BindOutcome> outcomes;
            try
            {
                outcomes = await _binder.BindAsync(bindings, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A broken call fails its bindings (they are retried), never the pipeline.
            catch (Exception e)
#pragma warning restore CA1031
            {
                string message = e is OperationCanceledException && cancellationToken.IsCancellationRequested ? "the scheduler is stopping" : e.Message;
                SchedulerLog.BindCallFailed(_logger, e, _binder.Name, group.Count);
                outcomes = [.. group.Select(_ => new BindOutcome(BindOutcomeKind.Failed, message))];
            }
            for (int i = 0; i < group.Count; i++)
            {
                BindOutcome outcome = i < outcomes.Count ? outcomes[i] : new BindOutcome(BindOutcomeKind.Failed, "the binder answered fewer results than bindings");
                _onResult(group[i], outcome);
            }
        }
        finally
        {
            _slots.Writer.TryWrite(true);
        }
    }
}
