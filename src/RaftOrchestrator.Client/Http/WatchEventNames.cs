using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client.Watching;

namespace RaftOrchestrator.Client.Http;

/// <summary>The wire names of watch event types, matched as UTF-8 bytes (no string per event).</summary>
internal static class WatchEventNames
{
    public static WatchEventType? Parse(ReadOnlySpan<byte> name) => name switch
    {
        _ when name.SequenceEqual("ADDED"u8) => WatchEventType.Added,
        _ when name.SequenceEqual("MODIFIED"u8) => WatchEventType.Modified,
        _ when name.SequenceEqual("DELETED"u8) => WatchEventType.Deleted,
        _ when name.SequenceEqual("BOOKMARK"u8) => WatchEventType.Bookmark,
        _ when name.SequenceEqual("ERROR"u8) => WatchEventType.Error,
        _ => null,
    };

    /// <summary>The event a malformed stream ends with: a 500, so the caller treats it as a broken watch and watches again.</summary>
    public static WatchEvent<T> Malformed<T>(string detail) where T : class =>
        new(WatchEventType.Error, null, "", new Status { Outcome = "Failure", Code = 500, Reason = "InternalError", Message = $"malformed watch stream: {detail}" });
}
