using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace RaftOrchestrator.Server.Kube;

/// <summary>
/// A list page's continuation, as kube-apiserver encodes it: base64 of {"v":"meta.k8s.io/v1","rv":N,"start":"key"},
/// the revision every page is read at (so the pages form one consistent list) and the first key of the next page,
/// relative to the resource prefix.
/// </summary>
public readonly record struct ContinueToken(long Revision, string StartKey)
{
    public string Encode()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("v", "meta.k8s.io/v1");
            writer.WriteNumber("rv", Revision);
            writer.WriteString("start", StartKey);
            writer.WriteEndObject();
        }
        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    public static bool TryDecode(string text, out ContinueToken token)
    {
        token = default;
        try
        {
            byte[] json = Base64Url.DecodeFromChars(text);
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.GetProperty("v").GetString() != "meta.k8s.io/v1" || !root.GetProperty("rv").TryGetInt64(out long revision) || revision <= 0)
            {
                return false;
            }
            string start = root.GetProperty("start").GetString() ?? "";
            if (start.Contains("..", StringComparison.Ordinal) || start.StartsWith('/'))
            {
                return false;
            }
            token = new ContinueToken(revision, start);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    public static string KeyFrom(ReadOnlySpan<byte> key, int prefixLength) => Encoding.UTF8.GetString(key[prefixLength..]);
}
