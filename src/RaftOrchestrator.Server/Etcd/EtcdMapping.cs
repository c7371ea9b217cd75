using Google.Protobuf;
using RaftOrchestrator.EtcdApi.V3;
using Store = RaftOrchestrator.Storage.Mvcc;
using Wire = RaftOrchestrator.EtcdApi.Mvcc;

namespace RaftOrchestrator.Server.Etcd;

/// <summary>
/// etcd API messages to store requests and back. Keys and values cross without copies in both directions:
/// requests are read through <see cref="ByteString.Memory"/> (the store copies what it keeps) and responses
/// wrap the store's immutable buffers. Validation that etcd does before proposing happens here too, so a bad
/// request fails with etcd's error and is never written to the log.
/// </summary>
internal static class EtcdMapping
{
    /// <summary>etcd's --max-txn-ops default.</summary>
    public const int MaxTxnOps = 128;

    public static Store.KeyRange Range(ByteString key, ByteString rangeEnd) => new(key.Memory, rangeEnd.Memory);

    public static Store.RangeRequest ToStore(RangeRequest r)
    {
        if (r.Key.IsEmpty)
        {
            throw EtcdErrors.EmptyKey();
        }
        if (!Enum.IsDefined((Store.SortOrder)r.SortOrder) || !Enum.IsDefined((Store.SortTarget)r.SortTarget))
        {
            throw EtcdErrors.InvalidArgument("invalid sort option");
        }
        return new Store.RangeRequest(Range(r.Key, r.RangeEnd))
        {
            Revision = Math.Max(0, r.Revision),
            Limit = Math.Max(0, r.Limit),
            CountOnly = r.CountOnly,
            KeysOnly = r.KeysOnly,
            SortOrder = (Store.SortOrder)r.SortOrder,
            SortTarget = (Store.SortTarget)r.SortTarget,
            MinModRevision = r.MinModRevision,
            MaxModRevision = r.MaxModRevision,
            MinCreateRevision = r.MinCreateRevision,
            MaxCreateRevision = r.MaxCreateRevision,
        };
    }

    public static Store.PutOp ToStore(PutRequest p)
    {
        if (p.Key.IsEmpty)
        {
            throw EtcdErrors.EmptyKey();
        }
        if (p.IgnoreValue && !p.Value.IsEmpty)
        {
            throw EtcdErrors.ValueProvided();
        }
        if (p.IgnoreLease && p.Lease != 0)
        {
            throw EtcdErrors.LeaseProvided();
        }
        return new Store.PutOp(p.Key.Memory, p.Value.Memory, new Store.PutOptions
        {
            Lease = p.Lease,
            PrevKv = p.PrevKv,
            IgnoreValue = p.IgnoreValue,
            IgnoreLease = p.IgnoreLease,
        });
    }

    public static Store.DeleteRangeOp ToStore(DeleteRangeRequest d) =>
        d.Key.IsEmpty ? throw EtcdErrors.EmptyKey() : new Store.DeleteRangeOp(Range(d.Key, d.RangeEnd), d.PrevKv);

    public static Store.TxnRequest ToStore(TxnRequest t)
    {
        if (t.Success.Count > MaxTxnOps || t.Failure.Count > MaxTxnOps)
        {
            throw EtcdErrors.TooManyOps();
        }
        Store.Compare[] compares = [.. t.Compare.Select(ToStore)];
        Store.RequestOp[] success = [.. t.Success.Select(ToStore)];
        Store.RequestOp[] failure = [.. t.Failure.Select(ToStore)];
        CheckNoOverlappingWrites(success);
        CheckNoOverlappingWrites(failure);
        return new Store.TxnRequest(compares, success, failure);
    }

    /// <summary>True when no branch writes: etcd serves such a transaction like a read, without the log.</summary>
    public static bool IsReadOnly(Store.TxnRequest t) =>
        t.Success.All(op => op is Store.RangeOp) && t.Failure.All(op => op is Store.RangeOp);

    private static Store.Compare ToStore(Compare c)
    {
        if (c.Key.IsEmpty)
        {
            throw EtcdErrors.EmptyKey();
        }
        if (!Enum.IsDefined((Store.CompareTarget)c.Target) || !Enum.IsDefined((Store.CompareResult)c.Result))
        {
            throw EtcdErrors.InvalidArgument("invalid compare");
        }
        long number = c.Target switch
        {
            Compare.Types.CompareTarget.Version => c.Version,
            Compare.Types.CompareTarget.Create => c.CreateRevision,
            Compare.Types.CompareTarget.Mod => c.ModRevision,
            Compare.Types.CompareTarget.Lease => c.Lease,
            _ => 0,
        };
        return new Store.Compare(Range(c.Key, c.RangeEnd), (Store.CompareTarget)c.Target, (Store.CompareResult)c.Result,
            number, c.Target == Compare.Types.CompareTarget.Value ? c.Value.Memory : default);
    }

    private static Store.RequestOp ToStore(RequestOp op) => op.RequestCase switch
    {
        RequestOp.RequestOneofCase.RequestRange => new Store.RangeOp(ToStore(op.RequestRange)),
        RequestOp.RequestOneofCase.RequestPut => ToStore(op.RequestPut),
        RequestOp.RequestOneofCase.RequestDeleteRange => ToStore(op.RequestDeleteRange),
        RequestOp.RequestOneofCase.RequestTxn => throw EtcdErrors.Unsupported("nested transactions are not supported"),
        _ => throw EtcdErrors.InvalidArgument("empty request op"),
    };

    /// <summary>etcd refuses a branch that writes one key twice (two puts, or a put inside a deleted range).</summary>
    private static void CheckNoOverlappingWrites(Store.RequestOp[] ops)
    {
        var puts = new HashSet<byte[]>(ByteArrayEquality.Instance);
        foreach (Store.PutOp put in ops.OfType<Store.PutOp>())
        {
            if (!puts.Add(put.Key.ToArray()))
            {
                throw EtcdErrors.DuplicateKey();
            }
        }
        foreach (Store.DeleteRangeOp delete in ops.OfType<Store.DeleteRangeOp>())
        {
            if (puts.Any(key => Contains(delete.Range, key)))
            {
                throw EtcdErrors.DuplicateKey();
            }
        }
    }

    private static bool Contains(Store.KeyRange range, byte[] key)
    {
        ReadOnlySpan<byte> start = range.Key.Span;
        if (range.IsSingleKey)
        {
            return start.SequenceEqual(key);
        }
        return key.AsSpan().SequenceCompareTo(start) >= 0 && (range.IsOpenEnded || key.AsSpan().SequenceCompareTo(range.RangeEnd.Span) < 0);
    }

    public static Wire.KeyValue ToWire(in Store.KeyValue kv) => new()
    {
        Key = UnsafeByteOperations.UnsafeWrap(kv.Key),
        Value = UnsafeByteOperations.UnsafeWrap(kv.Value),
        CreateRevision = kv.CreateRevision,
        ModRevision = kv.ModRevision,
        Version = kv.Version,
        Lease = kv.Lease,
    };

    public static RangeResponse ToWire(in Store.RangeResult r, ResponseHeader header)
    {
        var response = new RangeResponse { Header = header, More = r.More, Count = r.Count };
        foreach (Store.KeyValue kv in r.Kvs)
        {
            response.Kvs.Add(ToWire(kv));
        }
        return response;
    }

    public static PutResponse ToWire(in Store.PutResult p, ResponseHeader header) =>
        new() { Header = header, PrevKv = p.PrevKv is { } prev ? ToWire(prev) : null };

    public static DeleteRangeResponse ToWire(in Store.DeleteRangeResult d, ResponseHeader header)
    {
        var response = new DeleteRangeResponse { Header = header, Deleted = d.Deleted };
        foreach (Store.KeyValue kv in d.PrevKvs ?? [])
        {
            response.PrevKvs.Add(ToWire(kv));
        }
        return response;
    }

    /// <summary>A transaction's response; every nested header carries the transaction's revision, as etcd's do.</summary>
    public static TxnResponse ToWire(in Store.TxnResult t, EtcdHeaders headers)
    {
        var response = new TxnResponse { Header = headers.At(t.Revision), Succeeded = t.Succeeded };
        foreach (Store.ResponseOp op in t.Responses)
        {
            ResponseHeader header = headers.At(t.Revision);
            response.Responses.Add(op.Kind switch
            {
                Store.ResponseOpKind.Range => new ResponseOp { ResponseRange = ToWire(op.Range, header) },
                Store.ResponseOpKind.Put => new ResponseOp { ResponsePut = ToWire(op.Put, header) },
                _ => new ResponseOp { ResponseDeleteRange = ToWire(op.DeleteRange, header) },
            });
        }
        return response;
    }
}
