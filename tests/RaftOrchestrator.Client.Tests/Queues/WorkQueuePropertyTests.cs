using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using RaftOrchestrator.Client.Queues;

namespace RaftOrchestrator.Client.Tests.Queues;

/// <summary>
/// The queue's three promises under random schedules: exclusive (no key held by two workers at once), lossless
/// (every key is processed after its last add) and stingy (adds before a take collapse to one, in first-add order).
/// </summary>
public sealed class WorkQueuePropertyTests
{
    private const int Keys = 8;
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Real concurrency: 1-6 workers take, sometimes yield, sometimes re-add the key they hold (a requeue while
    /// processing), while a producer adds concurrently. A per-key holder count catches any overlap; every key must
    /// end up processed with the last add's number seen.
    /// </summary>
    [Property(MaxTest = 150, QuietOnSuccess = true)]
    public async Task ConcurrentWorkers_NeverShareAKey_AndEveryAddIsProcessed(NonEmptyArray<byte> adds, byte workerCount, int seed)
    {
        int workers = 1 + (workerCount % 6);
        var queue = new WorkQueue<int>(new FakeTimeProvider());
        int[] holders = new int[Keys];
        long[] added = new long[Keys];
        long[] seen = new long[Keys];
        int violations = 0;
        int requeueBudget = adds.Get.Length;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(s_deadline);

        async Task WorkAsync(int worker)
        {
            var random = new Random(seed + worker);
            while (true)
            {
                QueueItem<int> item = await queue.TakeAsync(deadline.Token);
                if (!item.HasItem)
                {
                    return;
                }
                int key = item.Key;
                if (Interlocked.Increment(ref holders[key]) != 1)
                {
                    Interlocked.Increment(ref violations);
                }
                long snapshot = Interlocked.Read(ref added[key]);
                InterlockedMax(ref seen[key], snapshot);
                if (random.Next(3) == 0)
                {
                    await Task.Yield();
                }
                if (random.Next(4) == 0 && Interlocked.Decrement(ref requeueBudget) >= 0)
                {
                    Interlocked.Increment(ref added[key]);
                    queue.Add(key);
                }
                Interlocked.Decrement(ref holders[key]);
                queue.Done(key);
            }
        }

        Task[] loops = [.. Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w), CancellationToken.None))];
        foreach (byte b in adds.Get)
        {
            int key = b % Keys;
            Interlocked.Increment(ref added[key]);
            queue.Add(key);
            if (b % 3 == 0)
            {
                await Task.Yield();
            }
        }
        while (Enumerable.Range(0, Keys).Any(k => Interlocked.Read(ref seen[k]) != Interlocked.Read(ref added[k])))
        {
            await Task.Delay(1, deadline.Token);
        }
        await queue.ShutDownWithDrainAsync(deadline.Token);
        await Task.WhenAll(loops).WaitAsync(deadline.Token);
        Assert.Equal(0, violations);
    }

    /// <summary>
    /// One thread, exact interleavings: ops add a key, let a new worker take the next key, or finish a held key.
    /// The queue must hand out exactly what a reference model of the three sets says, and, once drained, every key
    /// must have been taken after its last add.
    /// </summary>
    [Property(MaxTest = 500, QuietOnSuccess = true)]
    public async Task RandomSchedule_MatchesTheModel_AndTakesEveryKeyAfterItsLastAdd(int[] ops)
    {
        var queue = new WorkQueue<int>(new FakeTimeProvider());
        var model = new QueueModel();
        var held = new List<int>();
        var lastAdd = new Dictionary<int, int>();
        var lastTake = new Dictionary<int, int>();
        int step = 0;
        foreach (int op in ops.Append(-1))
        {
            int choice = Math.Abs(op % 3);
            int arg = Math.Abs(op / 3);
            if (choice == 0)
            {
                queue.Add(arg % 5);
                model.Add(arg % 5);
                lastAdd[arg % 5] = step;
            }
            else if (choice == 1 && model.Queue.Count > 0)
            {
                Assert.Equal(model.Queue.Count, queue.Length);
                QueueItem<int> item = await queue.TakeAsync(TestContext.Current.CancellationToken);
                Assert.Equal(model.Take(), item.Key);
                Assert.DoesNotContain(item.Key, held);
                held.Add(item.Key);
                lastTake[item.Key] = step;
            }
            else if (choice == 2 && held.Count > 0)
            {
                int key = held[arg % held.Count];
                held.Remove(key);
                queue.Done(key);
                model.Done(key);
            }
            step++;
        }
        foreach (int key in held)
        {
            queue.Done(key);
            model.Done(key);
        }
        while (queue.Length > 0)
        {
            QueueItem<int> item = await queue.TakeAsync(TestContext.Current.CancellationToken);
            Assert.Equal(model.Take(), item.Key);
            lastTake[item.Key] = step++;
            queue.Done(item.Key);
            model.Done(item.Key);
        }
        foreach ((int key, int added) in lastAdd)
        {
            Assert.True(lastTake.TryGetValue(key, out int taken) && taken > added, $"key {key} added at {added}, last taken at {taken}");
        }
    }

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public async Task AddsBeforeATake_CollapseToOneEach_InFirstAddOrder(byte[] keys)
    {
        var queue = new WorkQueue<byte>(new FakeTimeProvider());
        foreach (byte key in keys)
        {
            queue.Add(key);
        }
        byte[] distinct = [.. keys.Distinct()];
        Assert.Equal(distinct.Length, queue.Length);
        var taken = new List<byte>();
        while (queue.Length > 0)
        {
            taken.Add((await queue.TakeAsync(TestContext.Current.CancellationToken)).Key);
        }
        Assert.Equal(distinct, taken);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current = Interlocked.Read(ref target);
        while (value > current)
        {
            long seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    /// <summary>The reference: client-go's queue as three plain collections.</summary>
    private sealed class QueueModel
    {
        public List<int> Queue { get; } = [];

        public HashSet<int> Dirty { get; } = [];

        public HashSet<int> Processing { get; } = [];

        public void Add(int key)
        {
            if (Dirty.Add(key) && !Processing.Contains(key))
            {
                Queue.Add(key);
            }
        }

        public int Take()
        {
            int key = Queue[0];
            Queue.RemoveAt(0);
            Dirty.Remove(key);
            Processing.Add(key);
            return key;
        }

        public void Done(int key)
        {
            Processing.Remove(key);
            if (Dirty.Contains(key))
            {
                Queue.Add(key);
            }
        }
    }
}
