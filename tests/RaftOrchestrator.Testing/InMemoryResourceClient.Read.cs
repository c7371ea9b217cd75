using System.Globalization;
using System.Text;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Client;

namespace RaftOrchestrator.Testing;

internal sealed partial class InMemoryResourceClient<T>
{
    internal ApiResult<T> Get(string? ns, string name)
    {
        string key = _store.Key(ns, name);
        return _store.Current(key) is { } current
            ? ApiResult.Ok(_store.Decode(current.Bytes!, current.Revision))
            : Fail<T>(InMemoryStatus.NotFound(Descriptor, name));
    }

    /// <summary>
    /// One page of a list, read at one revision: the current one, an exact one (resourceVersionMatch=Exact), or the
    /// continue token's, so the pages of one list are one consistent snapshot even when writes come between them.
    /// </summary>
    internal ApiResult<ObjectList<T>> List(string? ns, ListRequest request)
    {
        if (!InMemoryFilter<T>.TryCreate(Descriptor, ns, request.LabelSelector, request.FieldSelector, out InMemoryFilter<T>? filter, out Status? bad))
        {
            return Fail<ObjectList<T>>(bad);
        }
        long revision = _cluster.Revision;
        string? after = null;
        if (request.Continue is { Length: > 0 } token)
        {
            if (!TryDecodeContinue(token, out revision, out after))
            {
                return Fail<ObjectList<T>>(InMemoryStatus.BadRequest("continue key is not valid: the token is malformed"));
            }
            if (revision < _cluster.CompactedRevision)
            {
                return Fail<ObjectList<T>>(InMemoryStatus.Gone("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."));
            }
        }
        else if (request.ResourceVersion is { Length: > 0 } rv && rv != "0")
        {
            if (!long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out long asked))
            {
                return Fail<ObjectList<T>>(InMemoryStatus.BadRequest($"invalid resource version \"{rv}\""));
            }
            if (asked > revision)
            {
                return Fail<ObjectList<T>>(InMemoryStatus.TooLargeResourceVersion(asked, revision));
            }
            if (request.ResourceVersionMatch == "Exact")
            {
                if (asked < _cluster.CompactedRevision)
                {
                    return Fail<ObjectList<T>>(InMemoryStatus.Gone($"The resourceVersion for the provided list is too old (compacted to {_cluster.CompactedRevision})."));
                }
                revision = asked;
            }
        }
        var items = new List<T>();
        string? next = null;
        long remaining = 0;
        foreach ((string key, StoredVersion version) in _store.Scan(ns, revision, after))
        {
            if (next is not null)
            {
                remaining++;
                continue;
            }
            T value = _store.Decode(version.Bytes!, version.Revision);
            if (!filter.Matches(value))
            {
                continue;
            }
            items.Add(value);
            if (request.Limit > 0 && items.Count == request.Limit)
            {
                next = key;
            }
        }
        bool more = next is not null && remaining > 0;
        return ApiResult.Ok(new ObjectList<T>
        {
            ApiVersion = Descriptor.ApiVersion,
            Kind = Descriptor.Kind + "List",
            Metadata = new ListMeta
            {
                ResourceVersion = Revision(revision),
                Continue = more ? EncodeContinue(revision, next!) : null,
                RemainingItemCount = more && filter.IsEverything ? remaining : null,
            },
            Items = items,
        });
    }

    private static string EncodeContinue(long revision, string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Revision(revision)}|{lastKey}"));

    private static bool TryDecodeContinue(string token, out long revision, out string? lastKey)
    {
        revision = 0;
        lastKey = null;
        byte[] bytes = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, bytes, out int written))
        {
            return false;
        }
        string text = Encoding.UTF8.GetString(bytes, 0, written);
        int bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out revision))
        {
            return false;
        }
        lastKey = text[(bar + 1)..];
        return true;
    }
}
