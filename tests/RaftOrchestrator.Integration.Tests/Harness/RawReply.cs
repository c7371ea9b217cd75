using System.Text;
using System.Text.Json;

namespace RaftOrchestrator.Integration.Tests.Harness;

/// <summary>One HTTP reply of the API as bytes, and the checks every reply to a malformed request must pass.</summary>
internal sealed record RawReply(string Request, int Code, string? ContentType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>
    /// Not a server error, and every error a Kubernetes Status in JSON whose code is the HTTP status (kubectl and
    /// client-go read the reason and message from it). A HEAD reply has no body to check.
    /// </summary>
    public RawReply AssertWellFormed()
    {
        Assert.True(Code < 500 || IsTooLargeResourceVersion, $"{Request} -> {Code}: {Text}");
        if (Code == 400 && Body.Length == 0 && Request.Split(' ')[1].Split('?')[0].Contains("%00", StringComparison.Ordinal))
        {
            return this;   // Kestrel refuses a NUL in the decoded path before any application code runs
        }
        if (Code >= 400 && !Request.StartsWith("HEAD ", StringComparison.Ordinal))
        {
            AssertStatus();
        }
        return this;
    }

    /// <summary>A well-formed rejection with one of <paramref name="codes"/>.</summary>
    public RawReply AssertRejected(params int[] codes)
    {
        AssertWellFormed();
        Assert.True(codes.Contains(Code), $"{Request} -> {Code} (wanted {string.Join(" or ", codes)}): {Text}");
        return this;
    }

    /// <summary>
    /// kube-apiserver's answer to a read at a resourceVersion the store has not reached (after waiting for it):
    /// 504 Timeout "Too large resource version", which clients retry.
    /// </summary>
    private bool IsTooLargeResourceVersion =>
        Code == 504 && Text.Contains("\"reason\":\"Timeout\"", StringComparison.Ordinal) && Text.Contains("Too large resource version", StringComparison.Ordinal);

    private void AssertStatus()
    {
        Assert.True(ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, $"{Request} -> {Code} with Content-Type {ContentType}: {Text}");
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(Body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            Assert.Fail($"{Request} -> {Code} with a body that is not JSON ({e.Message}): {Text}");
            return;
        }
        string text = Text;
        Assert.True(root.ValueKind == JsonValueKind.Object, $"{Request} -> {Code}: {text}");
        Assert.True(root.TryGetProperty("kind", out JsonElement kind) && kind.ValueEquals("Status"), $"{Request} -> {Code}, not a Status: {text}");
        Assert.True(root.TryGetProperty("apiVersion", out JsonElement version) && version.ValueEquals("v1"), $"{Request} -> {Code}: {text}");
        Assert.True(root.TryGetProperty("status", out JsonElement outcome) && outcome.ValueEquals("Failure"), $"{Request} -> {Code}: {text}");
        Assert.True(root.TryGetProperty("code", out JsonElement code) && code.TryGetInt32(out int value) && value == Code, $"{Request} -> {Code}, Status code differs: {text}");
        Assert.True(root.TryGetProperty("message", out JsonElement message) && message.GetString() is { Length: > 0 }, $"{Request} -> {Code}, no message: {text}");
    }
}
