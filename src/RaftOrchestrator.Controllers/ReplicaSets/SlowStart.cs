namespace RaftOrchestrator.Controllers.ReplicaSets;

/// <summary>
/// Kubernetes' slowStartBatch: run <c>count</c> calls in batches of 1, 2, 4, ... (each batch concurrently), and
/// stop after the first batch in which any call failed. A template the server refuses (quota, an admission
/// rejection, an invalid spec) then costs a handful of failed calls rather than hundreds.
/// </summary>
internal static class SlowStart
{
    public const int InitialBatchSize = 1;

    /// <returns>How many calls succeeded, and the first failure (null when all did).</returns>
    public static async Task<(int Succeeded, string? Failure)> RunAsync(int count, Func<Task<string?>> call)
    {
        int remaining = count;
        int succeeded = 0;
        for (int batch = Math.Min(remaining, InitialBatchSize); batch > 0; batch = Math.Min(2 * batch, remaining))
        {
            var calls = new Task<string?>[batch];
            for (int i = 0; i < batch; i++)
            {
                calls[i] = call();
            }
            string?[] failures = await Task.WhenAll(calls);
            string? failure = failures.FirstOrDefault(f => f is not null);
            succeeded += failures.Count(f => f is null);
            if (failure is not null)
            {
                return (succeeded, failure);
            }
            remaining -= batch;
        }
        return (succeeded, null);
    }
}
