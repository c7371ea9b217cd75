using System.Globalization;
using BenchmarkDotNet.Running;
using RaftOrchestrator.Benchmarks.Storage;

namespace RaftOrchestrator.Benchmarks;

public static class Program
{
    /// <summary>"memory [keys]" runs the store's memory footprint report; anything else goes to BenchmarkDotNet.</summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "memory")
        {
            int keys = args.Length > 1
                ? int.Parse(args[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
                : MemoryFootprint.DefaultKeyCount;
            MemoryFootprint.Run(Console.Out, keys);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
