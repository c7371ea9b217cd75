using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Tests;

public sealed class HistoryFilesTests
{
    [Fact]
    public void SaveThenLoad_RoundTripsEveryRecord()
    {
        var h = new Ops();
        h.Put(1, "k", "a", 0, 10, revision: 2);
        h.Put(2, "k", "b", 5, null, outcome: OperationOutcome.Unknown);
        h.Cas(3, "k", "a", "c", 6, 20, succeeded: false);
        h.ReadList(4, "l", ["x", "y"], 30, 40);
        var history = new RecordedHistory(
            h.History,
            [WatchRecord.Connect(1, "m1", "k", 1, 0), WatchRecord.Event(1, "m1", "k", 2, "a", 11),
                WatchRecord.Compacted(1, "m1", 2, 12)],
            [new FinalRead("k", "a", 2), new FinalRead("l", "x,y", 7, ["x", "y"])],
            [new ClusterSnapshot(9, [new NodeObservation("n1", 1000, 1 << 20, 10)],
                [new PodObservation("u1", "default", "p", "n1", 100, 1024, Ready: true, Deployment: "default/web")],
                [new DeploymentObservation("default", "web", 1)])],
            [new BindObservation("u1", "n1", 8)]);
        string dir = Path.Combine(Path.GetTempPath(), "ro-chaos-history-" + Guid.NewGuid().ToString("N"));
        try
        {
            HistoryFiles.Save(dir, history);
            RecordedHistory loaded = HistoryFiles.Load(dir);

            Assert.Equal(history.Operations.Select(o => o.ToString()), loaded.Operations.Select(o => o.ToString()));
            Assert.Equal(history.Operations.Take(3), loaded.Operations.Take(3));
            Assert.Equal(["x", "y"], loaded.Operations[3].Output!.Elements!);
            Assert.Equal(history.Watch, loaded.Watch);
            Assert.Equal(history.FinalReads[0], loaded.FinalReads[0]);
            Assert.Equal(history.Snapshots[0].Pods[0], loaded.Snapshots[0].Pods[0]);
            Assert.Equal(history.Snapshots[0].Nodes[0], loaded.Snapshots[0].Nodes[0]);
            Assert.Equal(history.Binds, loaded.Binds);
            string firstLine = File.ReadLines(Path.Combine(dir, HistoryFiles.OperationsFile)).First();
            Assert.Equal("""{"id":1,"client":1,"kind":"Put","key":"k","input":{"value":"a"},"returnTime":10,"output":{"revision":2}}""", firstLine);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Read_TornLastLine_IsSkipped_ButATornMiddleLineThrows()
    {
        const string good = """{"id":1,"client":1,"kind":"Get","key":"k","input":{},"invokeTime":1,"returnTime":2,"outcome":"Ok"}""";

        List<Operation> read = JsonLines.Read(new StringReader(good + "\n" + good[..20]), HistoryJsonContext.Default.Operation);

        Assert.Single(read);
        Assert.Throws<System.Text.Json.JsonException>(() =>
            JsonLines.Read(new StringReader(good[..20] + "\n" + good), HistoryJsonContext.Default.Operation));
    }
}
