namespace RaftOrchestrator.Storage.Mvcc;

/// <summary>
/// A point in the store's history, as in etcd: <see cref="Main"/> is the cluster-wide revision that one
/// write transaction gets; <see cref="Sub"/> numbers the changes inside that transaction from 0.
/// Ordered by (Main, Sub).
/// </summary>
public readonly record struct Revision(long Main, int Sub) : IComparable<Revision>
{
    public int CompareTo(Revision other)
    {
        int c = Main.CompareTo(other.Main);
        return c != 0 ? c : Sub.CompareTo(other.Sub);
    }

    public static bool operator <(Revision left, Revision right) => left.CompareTo(right) < 0;
    public static bool operator >(Revision left, Revision right) => left.CompareTo(right) > 0;
    public static bool operator <=(Revision left, Revision right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Revision left, Revision right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Main}.{Sub}";
}
