using System.Globalization;
using Etcdserverpb;
using Google.Protobuf;
using Grpc.Core;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>
/// Writes distinct keys (prefix + sequence number) through the C# etcd client (dotnet-etcd's generated
/// clients), moving to the next member on any error, and records every write that was acknowledged.
/// Bounded by count and time.
/// </summary>
internal sealed class Writer(IReadOnlyList<ProcessMember> members, string prefix)
{
    private readonly List<string> _acknowledged = [];
    private int _next;

    public IReadOnlyList<string> Acknowledged
    {
        get
        {
            lock (_acknowledged)
            {
                return [.. _acknowledged];
            }
        }
    }

    public int Errors { get; private set; }

    public static string Key(string prefix, int n) => prefix + n.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="workers"/> writers until <paramref name="stop"/> or <paramref name="maxWrites"/> writes.</summary>
    public Task RunAsync(int workers, int maxWrites, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, maxWrites, stop), CancellationToken.None)));

    private async Task WorkAsync(int worker, int maxWrites, CancellationToken stop)
    {
        int target = worker;
        while (!stop.IsCancellationRequested)
        {
            int n = Interlocked.Increment(ref _next);
            if (n > maxWrites)
            {
                return;
            }
            string key = Key(prefix, n);
            while (!stop.IsCancellationRequested)
            {
                ProcessMember member = members[target % members.Count];
                try
                {
                    await new KV.KVClient(member.Channel).PutAsync(
                        new PutRequest { Key = ByteString.CopyFromUtf8(key), Value = ByteString.CopyFromUtf8("v" + n) },
                        deadline: ProcessCluster.Deadline(TimeSpan.FromSeconds(3)), cancellationToken: CancellationToken.None);
                    lock (_acknowledged)
                    {
                        _acknowledged.Add(key);
                    }
                    break;
                }
                catch (RpcException)
                {
                    Errors++;
                    target++;
                    await Task.Delay(10, CancellationToken.None);
                }
            }
        }
    }
}
