using System.Text;

namespace RaftOrchestrator.Storage.Tests;

/// <summary>Short spellings for test keys and values.</summary>
internal static class Utf8
{
    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    public static string S(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
