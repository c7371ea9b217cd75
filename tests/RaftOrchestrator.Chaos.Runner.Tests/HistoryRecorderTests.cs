using RaftOrchestrator.Chaos.Checkers;
using RaftOrchestrator.Chaos.History;
using RaftOrchestrator.Chaos.Runner.Recording;

namespace RaftOrchestrator.Chaos.Runner.Tests;

public sealed class HistoryRecorderTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Ok_keeps_its_output_and_return_time_failed_its_time_only_unknown_neither()
    {
        var recorder = new HistoryRecorder(new RunClock(_time));
        long put = recorder.Invoke(1, OperationKind.Put, "k", new OperationInput(Value: "c1-1"));
        long get = recorder.Invoke(2, OperationKind.Get, "k", OperationInput.None);
        long cas = recorder.Invoke(3, OperationKind.Cas, "k", new OperationInput(Value: "c3-1", ExpectedModRevision: 0));
        _time.Advance(TimeSpan.FromMilliseconds(5));
        recorder.Return(put, OperationOutcome.Ok, new OperationOutput(Revision: 7));
        recorder.Return(get, OperationOutcome.Failed, new OperationOutput(Value: "ignored"));
        recorder.Return(cas, OperationOutcome.Unknown, new OperationOutput(Succeeded: true));

        Operation[] ops = [.. recorder.Build([]).Operations];
        Assert.Equal([put, get, cas], ops.Select(o => o.Id));
        Assert.Equal(0, ops[0].InvokeTime);
        Assert.Equal(TimeSpan.FromMilliseconds(5).Ticks, ops[0].ReturnTime);
        Assert.Equal(7, ops[0].Output!.Revision);
        Assert.Equal(OperationOutcome.Failed, ops[1].Outcome);
        Assert.NotNull(ops[1].ReturnTime);
        Assert.Null(ops[1].Output);
        Assert.Equal(OperationOutcome.Unknown, ops[2].Outcome);
        Assert.Null(ops[2].ReturnTime);
        Assert.Null(ops[2].Output);
    }

    [Fact]
    public void An_operation_still_pending_when_the_history_is_built_is_unknown()
    {
        var recorder = new HistoryRecorder(new RunClock(_time));
        long id = recorder.Invoke(1, OperationKind.Append, "l", new OperationInput(Value: "c1-1"));
        Operation op = Assert.Single(recorder.Build([]).Operations);
        Assert.Equal(id, op.Id);
        Assert.Equal(OperationOutcome.Unknown, op.Outcome);
        Assert.Null(op.ReturnTime);
    }

    [Fact]
    public void Returning_twice_is_a_bug_in_the_client_loop()
    {
        var recorder = new HistoryRecorder(new RunClock(_time));
        long id = recorder.Invoke(1, OperationKind.Get, "k", OperationInput.None);
        recorder.Return(id, OperationOutcome.Ok, new OperationOutput(ModRevision: 0));
        Assert.Throws<InvalidOperationException>(() => recorder.Return(id, OperationOutcome.Ok));
    }

    [Fact]
    public void Concurrent_clients_get_distinct_ids_in_invoke_order_and_one_clock()
    {
        var recorder = new HistoryRecorder(new RunClock(TimeProvider.System));
        Parallel.For(0, 8, c =>
        {
            for (int i = 0; i < 200; i++)
            {
                long id = recorder.Invoke(c, OperationKind.Put, "k", new OperationInput(Value: $"c{c}-{i}"));
                recorder.Return(id, OperationOutcome.Ok, new OperationOutput(Revision: id));
            }
        });
        Operation[] ops = [.. recorder.Build([]).Operations];
        Assert.Equal(1600, ops.Select(o => o.Id).Distinct().Count());
        // Ids are taken under the same lock as the invoke time: id order is invoke order.
        Assert.True(ops.Zip(ops.Skip(1)).All(p => p.First.InvokeTime <= p.Second.InvokeTime));
        Assert.All(ops, o => Assert.True(o.ReturnTime >= o.InvokeTime));
    }

    [Fact]
    public void A_recorded_sequential_history_checks_linearizable_and_a_stale_read_does_not()
    {
        var recorder = new HistoryRecorder(new RunClock(_time));
        void Step(int client, OperationKind kind, OperationInput input, OperationOutput output)
        {
            long id = recorder.Invoke(client, kind, "k", input);
            _time.Advance(TimeSpan.FromMilliseconds(1));
            recorder.Return(id, OperationOutcome.Ok, output);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }
        Step(1, OperationKind.Put, new OperationInput(Value: "c1-1"), new OperationOutput(Revision: 2));
        Step(2, OperationKind.Get, OperationInput.None, new OperationOutput(Value: "c1-1", ModRevision: 2));
        Step(1, OperationKind.Put, new OperationInput(Value: "c1-2"), new OperationOutput(Revision: 3));
        RecordedHistory good = recorder.Build([new FinalRead("k", "c1-2", 3)]);
        Assert.Equal(VerdictStatus.Pass, LinearizabilityChecker.Check(good.Operations).Verdict.Status);
        Assert.Equal(VerdictStatus.Pass, LostWriteChecker.Check(good.Operations, good.FinalReads).Status);

        Step(2, OperationKind.Get, OperationInput.None, new OperationOutput(Value: "c1-1", ModRevision: 2));
        Assert.Equal(VerdictStatus.Fail, LinearizabilityChecker.Check(recorder.Build([]).Operations).Verdict.Status);
    }

    [Fact]
    public void The_run_clock_maps_wall_times_onto_its_own_seconds()
    {
        var clock = new RunClock(_time);
        DateTimeOffset origin = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3.0, clock.Seconds(clock.Now()), 6);
        Assert.Equal(1.5, clock.Seconds(origin.AddSeconds(1.5)), 6);
        Assert.Equal(250.0, clock.Milliseconds(0, TimeSpan.FromMilliseconds(250).Ticks), 6);
    }
}
