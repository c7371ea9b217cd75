using System.Globalization;
using RaftOrchestrator.Api.Meta;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Server.Kube.Registry;
using RaftOrchestrator.Storage.Mvcc;

namespace RaftOrchestrator.Server.Kube.Endpoints;

public sealed partial class ResourceEndpoint<T>
{
    private async Task GetAsync(EndpointRequest request)
    {
        if (await BarrierAsync(ListOptions.Value(request.Query, "resourceVersion"), request.Aborted) is { } unavailable)
        {
            await Replies.StatusAsync(request.Context, unavailable);
            return;
        }
        Stored<T>? stored = _store.Get(NamespaceOf(request), request.Info.Name!);
        if (stored is null)
        {
            await Replies.StatusAsync(request.Context, ApiStatus.NotFound(_descriptor, request.Info.Name!));
            return;
        }
        await ReplyObjectAsync(request, stored.Value, 200);
    }

    /// <summary>Answers one object in the negotiated format: JSON, a one-row Table, or MessagePack.</summary>
    internal Task ReplyObjectAsync(EndpointRequest request, T value, int code, string? warning = null)
    {
        if (warning is not null)
        {
            // A quoted-string of printable ASCII: anything else in a header value (an unknown field named "é") is refused by Kestrel.
            request.Context.Response.Headers.Append("Warning", $"299 - \"{string.Concat(warning.Select(c => c is '"' or '\\' ? $"\\{c}" : c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"))}\"");
        }
        return request.Format switch
        {
            ReplyFormat.Table => Replies.WriteAsync(request.Context, code, MediaTypes.Table,
                w => TableWriter.Write(w, _descriptor, [value], value.Metadata.ResourceVersion, null, ListOptions.From(request.Query).IncludeObject, _services.NowSeconds(), columns: true)),
            ReplyFormat.MessagePack => Replies.BytesAsync(request.Context, code, MediaTypes.MessagePack, ApiMessagePack.Serialize(value)),
            _ => Replies.JsonAsync(request.Context, value, code, ApiJson.TypeInfo<T>()),
        };
    }

    private async Task ListAsync(EndpointRequest request)
    {
        ListOptions options = ListOptions.From(request.Query);
        if (!ObjectFilter<T>.TryCreate(_descriptor, options, out ObjectFilter<T>? filter, out Status? invalid))
        {
            await Replies.StatusAsync(request.Context, invalid!);
            return;
        }
        (ListPage<T>? page, Status? error) = await ReadListAsync(request, options, filter);
        if (error is not null)
        {
            await Replies.StatusAsync(request.Context, error);
            return;
        }
        var list = new ObjectList<T>
        {
            ApiVersion = _descriptor.ApiVersion,
            Kind = _descriptor.Kind + "List",
            Metadata = new ListMeta
            {
                ResourceVersion = page!.Revision.ToString(CultureInfo.InvariantCulture),
                Continue = page.Continue,
                RemainingItemCount = page.RemainingItemCount,
            },
            Items = page.Items,
        };
        switch (request.Format)
        {
            case ReplyFormat.Table:
                await Replies.WriteAsync(request.Context, 200, MediaTypes.Table,
                    w => TableWriter.Write(w, _descriptor, page.Items, list.Metadata.ResourceVersion, page.Continue, options.IncludeObject, _services.NowSeconds(), columns: true));
                break;
            case ReplyFormat.MessagePack:
                await Replies.BytesAsync(request.Context, 200, MediaTypes.MessagePack, ApiMessagePack.Serialize(list));
                break;
            default:
                await Replies.JsonAsync(request.Context, list, 200, ApiJson.TypeInfo<ObjectList<T>>());
                break;
        }
    }

    /// <summary>
    /// One page of a list, read at one revision: the current one (after a barrier unless resourceVersion is "0"),
    /// an exact one (resourceVersionMatch=Exact), or the continue token's. With a limit, the page holds at most
    /// that many matching objects and a token to the next when more keys remain.
    /// </summary>
    internal async Task<(ListPage<T>? Page, Status? Error)> ReadListAsync(EndpointRequest request, ListOptions options, ObjectFilter<T> filter)
    {
        byte[] prefix = _store.PrefixBytes(NamespaceOf(request));
        byte[] end = KeyRange.PrefixEnd(prefix);
        byte[] start = prefix;
        long revision = 0;
        if (options.Continue is { Length: > 0 } token)
        {
            if (!ContinueToken.TryDecode(token, out ContinueToken cont))
            {
                return (null, ApiStatus.BadRequest("continue key is not valid: the token is malformed"));
            }
            revision = cont.Revision;
            start = [.. prefix, .. StoreKeys.Bytes(cont.StartKey)];
        }
        else if (options.ResourceVersion is { Length: > 0 } rv && rv != "0")
        {
            if (!long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out long asked))
            {
                return (null, ApiStatus.BadRequest($"invalid resource version \"{rv}\""));
            }
            if (await BarrierAsync(null, request.Aborted) is { } unavailable)
            {
                return (null, unavailable);
            }
            if (asked > _services.Store.CurrentRevision)
            {
                return (null, ApiStatus.TooLargeResourceVersion(asked, _services.Store.CurrentRevision));
            }
            revision = options.ResourceVersionMatch == "Exact" ? asked : 0;
        }
        else if (await BarrierAsync(options.ResourceVersion, request.Aborted) is { } unavailable)
        {
            return (null, unavailable);
        }
        if (string.IsNullOrEmpty(filter.SingleName) is false)
        {
            // metadata.name=x in a namespace: one key, not a scan
            start = StoreKeys.Bytes(_descriptor.Key(NamespaceOf(request), filter.SingleName!));
            end = [.. start, 0];
        }
        return ScanPage(prefix, start, end, revision, options.Limit, filter);
    }

    private (ListPage<T>? Page, Status? Error) ScanPage(byte[] prefix, byte[] start, byte[] end, long revision, long limit, ObjectFilter<T> filter)
    {
        var items = new List<T>();
        long chunk = limit > 0 ? Math.Max(limit, 64) : 0;
        long remaining = 0;
        byte[]? next = null;
        while (true)
        {
            RangeResult result = _services.Store.Range(new RangeRequest(new KeyRange(start, end)) { Revision = revision, Limit = chunk });
            if (result.Status == StoreStatus.Compacted)
            {
                return (null, ApiStatus.Gone("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."));
            }
            if (result.Status != StoreStatus.Ok)
            {
                return (null, ApiStatus.Gone($"The resourceVersion for the provided list is too old (compacted to {result.CompactRevision})."));
            }
            revision = result.Revision;
            int consumed = 0;
            foreach (KeyValue kv in result.Kvs)
            {
                consumed++;
                T value = _store.Codec.Decode(kv.Value, kv.ModRevision);
                if (!filter.Matches(value))
                {
                    continue;
                }
                items.Add(value);
                if (limit > 0 && items.Count == limit)
                {
                    next = [.. kv.Key.Span, 0];
                    break;
                }
            }
            if (next is not null)
            {
                remaining = result.Count - consumed;
                if (remaining == 0 && !result.More)
                {
                    next = null;
                }
                break;
            }
            if (!result.More || result.Kvs.Length == 0)
            {
                break;
            }
            start = [.. result.Kvs[^1].Key.Span, 0];
        }
        string? continueToken = next is null ? null : new ContinueToken(revision, ContinueToken.KeyFrom(next, prefix.Length)).Encode();
        long? remainingCount = next is not null && filter.IsEverything ? remaining : null;
        return (new ListPage<T>(items, revision, continueToken, remainingCount), null);
    }
}
