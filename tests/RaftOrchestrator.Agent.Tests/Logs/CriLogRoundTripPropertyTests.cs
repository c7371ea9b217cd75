using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RaftOrchestrator.Agent.Logs;

namespace RaftOrchestrator.Agent.Tests.Logs;

/// <summary>What CriLogWriter writes, CriLogReader gives back: the same bytes, and its tail is the input's last lines.</summary>
public sealed class CriLogRoundTripPropertyTests
{
    private static readonly Gen<string> Text = Gen.Elements("a", "b", "é", "\n", "\n", " ", "\r", "xyz").ListOf().Select(string.Concat);

    [Property(MaxTest = 200)]
    public Property WriteThenRead_AnyChunksAndLineLimit_GivesTheSameBytesBack() =>
        Prop.ForAll(Text.ListOf().ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), Gen.Choose(0, 12).ToArbitrary(), (chunks, maxLine, tail) =>
        {
            using var directory = new TempDirectory();
            string path = directory.Combine("0.log");
            using (CriLogWriter writer = CriLogWriter.Open(path, TimeProvider.System, maxLine))
            {
                foreach (string chunk in chunks)
                {
                    writer.Write(LogStreamType.Stdout, Encoding.UTF8.GetBytes(chunk));
                }
                writer.Complete(LogStreamType.Stdout);
            }
            string input = string.Concat(chunks);
            string all = Read(path, new CriLogReadOptions());
            string tailed = Read(path, new CriLogReadOptions { TailLines = tail });
            return all == input && tailed == LastLines(input, tail);
        });

    private static string Read(string path, CriLogReadOptions options)
    {
        using var destination = new MemoryStream();
#pragma warning disable VSTHRD002 // FsCheck properties are synchronous, and the test runner has no synchronization context
        bool found = CriLogReader.CopyToAsync(path, options, destination, null, TimeProvider.System, CancellationToken.None)
            .GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
        return found ? Encoding.UTF8.GetString(destination.ToArray()) : "<no file>";
    }

    /// <summary>The last <paramref name="count"/> lines: each ends with its newline, except an unfinished last one.</summary>
    private static string LastLines(string text, int count)
    {
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return string.Concat(lines.Skip(Math.Max(0, lines.Count - count)));
    }
}
