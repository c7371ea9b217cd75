namespace RaftOrchestrator.Storage.Tests.Properties;

internal enum RangeKind
{
    /// <summary>One key (empty RangeEnd).</summary>
    Single = 0,
    /// <summary>[Key, End) with a bounded End, possibly at or below Key (matches nothing).</summary>
    Interval,
    /// <summary>Every key starting with Key (<c>KeyRange.Prefix</c>).</summary>
    Prefix,
    /// <summary>Every key ≥ Key (RangeEnd "\0").</summary>
    FromKey,
    /// <summary>Every key (<c>KeyRange.All</c>).</summary>
    All,
    /// <summary>An empty key: the store must answer InvalidArgument.</summary>
    Invalid,
}
