namespace RaftOrchestrator.Agent.Probes;

/// <summary>
/// One probe of one container attempt (the kubelet's prober worker): waits initialDelaySeconds from the container's
/// start, then probes every periodSeconds with timeoutSeconds. successThreshold consecutive successes make the
/// result success, failureThreshold consecutive failures make it failure; every failed probe is reported (the
/// Unhealthy event) and every change of the result. A startup probe ends at its first success (the others then
/// start); a liveness or startup probe ends at failure (the container is killed, its next attempt gets new workers).
/// </summary>
internal sealed class ProbeWorker
{
    private readonly ProbeKind _kind;
    private readonly Api.Core.Probe _probe;
    private readonly ProbeSettings _settings;
    private readonly ProbeTarget _target;
    private readonly DateTimeOffset _startedAt;
    private readonly ActionRunner _runner;
    private readonly TimeProvider _time;
    private readonly Action<ProbeKind, bool> _resultChanged;
    private readonly Action<ProbeKind, string> _failed;

    public ProbeWorker(ProbeKind kind, Api.Core.Probe probe, ProbeTarget target, DateTimeOffset startedAt, ActionRunner runner, TimeProvider time,
        Action<ProbeKind, bool> resultChanged, Action<ProbeKind, string> failed)
    {
        _kind = kind;
        _probe = probe;
        _settings = ProbeSettings.Of(probe, kind);
        _target = target;
        _startedAt = startedAt;
        _runner = runner;
        _time = time;
        _resultChanged = resultChanged;
        _failed = failed;
    }

    /// <remarks><paramref name="initial"/>: The result before any probe: readiness starts failed (not ready), liveness succeeded, startup failed (not started).</remarks>
    public async Task RunAsync(bool initial, CancellationToken cancellationToken)
    {
        TimeSpan wait = _startedAt + _settings.InitialDelay - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
        bool result = initial;
        int successes = 0, failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            ProbeResult outcome = await _runner.ProbeAsync(_probe, _target, _settings.Timeout, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (outcome.Success)
            {
                successes++;
                failures = 0;
            }
            else
            {
                failures++;
                successes = 0;
                _failed(_kind, outcome.Message);
            }
            bool next = result;
            if (successes >= _settings.SuccessThreshold)
            {
                next = true;
            }
            else if (failures >= _settings.FailureThreshold)
            {
                next = false;
            }
            // A liveness or startup probe that reached its failure threshold is a verdict even when the result did not
            // change (a startup probe starts failed): the container is to be killed, and this worker is done.
            bool verdict = _kind != ProbeKind.Readiness && failures >= _settings.FailureThreshold;
            if (next != result || verdict)
            {
                result = next;
                _resultChanged(_kind, result);
            }
            if (verdict || (_kind == ProbeKind.Startup && result))
            {
                return;
            }
            await Task.Delay(_settings.Period, _time, cancellationToken);
        }
    }
}
