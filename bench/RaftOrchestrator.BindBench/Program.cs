using System.Globalization;

namespace RaftOrchestrator.BindBench;

/// <summary>ro-bindbench [pods] [nodes] [batch] [inflight] [port-base]: defaults 10000 500 500 1 14500.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
        var settings = new BindBenchSettings(Arg(0, 10_000), Arg(1, 500), Arg(2, 500), Arg(3, 1), Arg(4, 14_500));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        BindBenchResult result = await BindBenchRun.RunAsync(settings, timeout.Token);
        Console.WriteLine(result.ToString());
        return result.Refused == 0 ? 0 : 1;
    }
}
