using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Meta;

namespace RaftOrchestrator.ApiBench;

/// <summary>
/// The objects the cases write: a ConfigMap with one label, a "seq" entry (how watchers tell updates apart without
/// waiting for the writer's reply) and a "value" entry of the requested size.
/// </summary>
internal static class ConfigMaps
{
    public const string SeqKey = "seq";

    public static ConfigMap New(string name, int valueSize, long seq) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = "ro-apibench" } },
        Data = new Dictionary<string, string>
        {
            [SeqKey] = seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["value"] = Filler(valueSize, seq),
        },
    };

    /// <summary>The sequence number an object carries, or -1 when it has none.</summary>
    public static long SeqOf(ConfigMap? value) =>
        value?.Data is { } data && data.TryGetValue(SeqKey, out string? text)
            && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out long seq) ? seq : -1;

    private static string Filler(int size, long seq) =>
        string.Create(size, seq, static (span, s) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + (int)((s + i) % 26));
            }
        });
}
