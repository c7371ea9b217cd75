using System.Text;
using RaftOrchestrator.Chaos.History;

namespace RaftOrchestrator.Chaos.Checkers;

/// <summary>
/// The Wing–Gong search with Lowe's memoization, over the operations of one key (P-compositionality: a history is
/// linearizable when each key's sub-history is, so keys are searched independently and stay small).
///
/// The history becomes a doubly linked list of call and return entries in time order (ties: calls first, so that
/// operations touching at one instant count as concurrent; an unknown op's return is at +∞). The search walks the
/// list: at a call it tries to linearize that op now (the model accepts its output from the current state, and the
/// pair (set of linearized ops, new state) has not been explored before), and if so lifts the call and its return
/// out of the list, pushes it and starts again from the head; at a return entry it has met an op that must have
/// taken effect by now but could not be placed, so it pops the last choice and tries the next call after it. The
/// list empty means every op is placed. Reaching the return of an unknown op means every op with a known return is
/// placed (those returns all sort before +∞) and the remaining unknown ops are left out: they never took effect.
///
/// Bounded: each model step and each backtrack costs one from the budget; at zero the search stops with
/// Inconclusive, as it does when the memo table would pass <see cref="MemoLimitBytes"/> (a long run's key once took
/// 10 GB before its budget ran out). On failure it reports the deepest point it reached: the longest linearizable
/// prefix, the op whose return it could not get past and the ops that were pending there.
/// </summary>
internal static class LinearizabilitySearch
{
    /// <summary>What the memo table may hold, estimated per entry as its bit set plus the set's own overhead.</summary>
    public const long MemoLimitBytes = 1L << 30;

    public static KeyCheckResult Run<TState, TModel>(string key, IReadOnlyList<Operation> ops, TModel model, long budget)
        where TState : IEquatable<TState>
        where TModel : IKeyModel<TState>
    {
        int n = ops.Count;
        if (n == 0) return new KeyCheckResult(key, VerdictStatus.Pass, 0, 0);

        // Node 2i is op i's call, 2i+1 its return; node 2n is the head sentinel; -1 ends the list.
        int head = 2 * n;
        int[] next = new int[2 * n + 1];
        int[] prev = new int[2 * n + 1];
        LinkInTimeOrder(ops, head, next, prev);

        ulong[] bits = new ulong[(n + 63) / 64];
        ulong[] zobrist = ZobristKeys(n);
        ulong setHash = 0;
        var cache = new HashSet<CacheEntry<TState>>();
        int[] stackCall = new int[n];
        TState[] stackState = new TState[n];
        int depth = 0;
        TState state = model.Initial;
        long steps = 0;
        Deepest<TState>? deepest = null;
        long entryBytes = bits.Length * sizeof(ulong) + 64;
        long memoBytes = 0;

        int entry = next[head];
        while (next[head] != -1)
        {
            if (++steps > budget)
            {
                return new KeyCheckResult(key, VerdictStatus.Inconclusive, n, steps - 1,
                    $"key {key}: the search budget ran out after {steps - 1} steps ({depth} of {n} ops placed)");
            }
            int op = entry >> 1;
            if ((entry & 1) == 0)
            {
                if (model.Step(state, ops[op], out TState after))
                {
                    bits[op >> 6] |= 1UL << (op & 63);
                    ulong h = setHash ^ zobrist[op];
                    var probe = new CacheEntry<TState>(bits, after, h);
                    if (!cache.Contains(probe))
                    {
                        if ((memoBytes += entryBytes) > MemoLimitBytes)
                        {
                            return new KeyCheckResult(key, VerdictStatus.Inconclusive, n, steps,
                                $"key {key}: the memo table reached {MemoLimitBytes >> 20} MiB after {steps} steps ({depth} of {n} ops placed)");
                        }
                        cache.Add(new CacheEntry<TState>((ulong[])bits.Clone(), after, h));
                        setHash = h;
                        stackCall[depth] = entry;
                        stackState[depth] = state;
                        depth++;
                        state = after;
                        Lift(entry, next, prev);
                        entry = next[head];
                        continue;
                    }
                    bits[op >> 6] &= ~(1UL << (op & 63));
                }
                entry = next[entry];
            }
            else
            {
                if (ops[op].ReturnTime is null) break;
                if (deepest is null || depth > deepest.Depth)
                {
                    deepest = Deepest<TState>.Capture(stackCall, depth, state, op, entry, head, next);
                }
                if (depth == 0) return Failure(key, ops, model, deepest, steps);
                depth--;
                int call = stackCall[depth];
                state = stackState[depth];
                stackState[depth] = default!;
                int undone = call >> 1;
                bits[undone >> 6] &= ~(1UL << (undone & 63));
                setHash ^= zobrist[undone];
                Unlift(call, next, prev);
                entry = next[call];
            }
        }
        return new KeyCheckResult(key, VerdictStatus.Pass, n, steps);
    }

    private static void LinkInTimeOrder(IReadOnlyList<Operation> ops, int head, int[] next, int[] prev)
    {
        int n = ops.Count;
        var order = new (long Time, int Node)[2 * n];
        for (int i = 0; i < n; i++)
        {
            order[2 * i] = (ops[i].InvokeTime, 2 * i);
            order[2 * i + 1] = (ops[i].ReturnTime ?? long.MaxValue, 2 * i + 1);
        }
        // Time, then calls (even nodes) before returns, then op index: a total, deterministic order.
        Array.Sort(order, static (a, b) =>
        {
            int c = a.Time.CompareTo(b.Time);
            if (c != 0) return c;
            c = (a.Node & 1).CompareTo(b.Node & 1);
            return c != 0 ? c : a.Node.CompareTo(b.Node);
        });
        int last = head;
        prev[head] = -1;
        foreach ((long _, int node) in order)
        {
            next[last] = node;
            prev[node] = last;
            last = node;
        }
        next[last] = -1;
    }

    /// <summary>Removes a call and its return from the list. Their own links are kept so that Unlift can put them back.</summary>
    private static void Lift(int call, int[] next, int[] prev)
    {
        int ret = call + 1;
        next[prev[call]] = next[call];
        if (next[call] != -1) prev[next[call]] = prev[call];
        next[prev[ret]] = next[ret];
        if (next[ret] != -1) prev[next[ret]] = prev[ret];
    }

    /// <summary>Undoes <see cref="Lift"/>; the lifts are undone in reverse order, so the saved links are still valid.</summary>
    private static void Unlift(int call, int[] next, int[] prev)
    {
        int ret = call + 1;
        next[prev[ret]] = ret;
        if (next[ret] != -1) prev[next[ret]] = ret;
        next[prev[call]] = call;
        if (next[call] != -1) prev[next[call]] = call;
    }

    /// <summary>Fixed pseudo-random 64-bit keys (splitmix64 of the index): the hash of a set is the xor of its members'.</summary>
    private static ulong[] ZobristKeys(int n)
    {
        ulong[] keys = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            ulong z = (ulong)(i + 1) * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            keys[i] = z ^ (z >> 31);
        }
        return keys;
    }

    private static KeyCheckResult Failure<TState, TModel>(
        string key, IReadOnlyList<Operation> ops, TModel model, Deepest<TState> deepest, long steps)
        where TState : IEquatable<TState>
        where TModel : IKeyModel<TState>
    {
        const int ContextOps = 4;
        var sb = new StringBuilder();
        sb.Append($"key {key}: not linearizable; the longest linearizable prefix places {deepest.Prefix.Length} of {ops.Count} ops");
        sb.Append($" and leaves the key at {model.Describe(deepest.State)}\n");
        if (deepest.Prefix.Length > 0)
        {
            sb.Append("  last placed, in linearization order:\n");
            foreach (int i in deepest.Prefix.Skip(Math.Max(0, deepest.Prefix.Length - ContextOps)))
            {
                sb.Append("    ").Append(ops[i]).Append('\n');
            }
        }
        sb.Append("  cannot place, before it returned:\n    ").Append(ops[deepest.Stuck]).Append('\n');
        // Pending ops with a known return are bounded by the concurrency; unknown ones stay pending to the end of
        // the history, so only the latest few of them are shown.
        int[] known = [.. deepest.Pending.Where(i => i != deepest.Stuck && ops[i].ReturnTime is not null)];
        int[] unknown = [.. deepest.Pending.Where(i => ops[i].ReturnTime is null).OrderBy(i => ops[i].InvokeTime)];
        int[] shownUnknown = unknown[Math.Max(0, unknown.Length - ContextOps)..];
        if (known.Length + shownUnknown.Length > 0)
        {
            sb.Append("  nor any other op pending then (none follows from that state):\n");
            foreach (int i in known.Concat(shownUnknown).OrderBy(i => ops[i].InvokeTime))
            {
                sb.Append("    ").Append(ops[i]).Append('\n');
            }
            if (unknown.Length > shownUnknown.Length)
            {
                sb.Append($"    … and {unknown.Length - shownUnknown.Length} earlier unknown-outcome writes\n");
            }
        }
        return new KeyCheckResult(key, VerdictStatus.Fail, ops.Count, steps, sb.ToString().TrimEnd('\n'));
    }

    private readonly struct CacheEntry<TState>(ulong[] bits, TState state, ulong hash) : IEquatable<CacheEntry<TState>>
        where TState : IEquatable<TState>
    {
        private readonly ulong[] _bits = bits;
        private readonly TState _state = state;
        private readonly ulong _hash = hash;

        public bool Equals(CacheEntry<TState> other) =>
            _hash == other._hash && _state.Equals(other._state) && _bits.AsSpan().SequenceEqual(other._bits);

        public override bool Equals(object? obj) => obj is CacheEntry<TState> other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(_hash, _state.GetHashCode());
    }

    /// <summary>The deepest point the search reached: the placed prefix, the state after it, the blocking op and the
    /// ops whose calls were still in the list before its return.</summary>
    private sealed record Deepest<TState>(int Depth, int[] Prefix, TState State, int Stuck, int[] Pending)
    {
        public static Deepest<TState> Capture(int[] stackCall, int depth, TState state, int stuck, int stuckNode,
            int head, int[] next)
        {
            int[] prefix = new int[depth];
            for (int i = 0; i < depth; i++) prefix[i] = stackCall[i] >> 1;
            var pending = new List<int>();
            for (int e = next[head]; e != -1 && e != stuckNode; e = next[e])
            {
                if ((e & 1) == 0) pending.Add(e >> 1);
            }
            return new Deepest<TState>(depth, prefix, state, stuck, [.. pending]);
        }
    }
}
