using RaftOrchestrator.Storage.Watch;

namespace RaftOrchestrator.Storage.Tests.Watch;

internal static class WatchTestExtensions
{
    /// <summary>Reads responses until <paramref name="done"/> says so, failing after <paramref name="seconds"/>.</summary>
    public static async Task<List<WatchResponse>> ReadUntilAsync(this WatchStream stream, Func<List<WatchResponse>, bool> done, double seconds = 5)
    {
        var responses = new List<WatchResponse>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            while (!done(responses))
            {
                responses.Add(await stream.ReadAsync(timeout.Token));
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            string seen = string.Join(", ", responses.Select(r => $"{r.WatchId}:{r.Kind}@{r.Revision}[{r.Events.Length}]"));
            Assert.Fail($"Timed out after {seconds} s; queued={stream.QueuedEvents}; got: {seen}");
        }
        return responses;
    }

    public static IEnumerable<WatchEvent> EventsOf(this IEnumerable<WatchResponse> responses, long watchId) =>
        responses.Where(r => r.WatchId == watchId && r.Kind == WatchResponseKind.Events).SelectMany(r => r.Events.ToArray());
}
