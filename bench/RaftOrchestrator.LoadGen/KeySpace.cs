using System.Globalization;
using Google.Protobuf;

namespace RaftOrchestrator.LoadGen;

/// <summary>Keys <c>&lt;prefix&gt;&lt;8 digits&gt;</c> and a fixed value of the requested size.</summary>
internal sealed class KeySpace
{
    public const int DigitCount = 8;

    public KeySpace(string prefix, int valueSize)
    {
        Prefix = prefix;
        var value = new byte[valueSize];
        for (var i = 0; i < value.Length; i++)
        {
            value[i] = (byte)('a' + (i % 26));
        }

        Value = ByteString.CopyFrom(value);
    }

    public string Prefix { get; }

    public ByteString Value { get; }

    public ByteString PrefixBytes => ByteString.CopyFromUtf8(Prefix);

    /// <summary>The end of the prefix range (the prefix, last byte incremented), as etcdctl's --prefix does.</summary>
    public ByteString PrefixRangeEnd
    {
        get
        {
            var bytes = PrefixBytes.ToByteArray();
            for (var i = bytes.Length - 1; i >= 0; i--)
            {
                if (bytes[i] < 0xff)
                {
                    bytes[i]++;
                    return ByteString.CopyFrom(bytes.AsSpan(0, i + 1));
                }
            }

            return ByteString.CopyFrom(0);
        }
    }

    public ByteString Key(int index) =>
        ByteString.CopyFromUtf8(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{index:D8}"));

    /// <summary>The index encoded in the last eight bytes of a key, or -1.</summary>
    public static int IndexOf(ByteString key)
    {
        var span = key.Span;
        if (span.Length < DigitCount)
        {
            return -1;
        }

        var index = 0;
        foreach (var b in span[^DigitCount..])
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            index = (index * 10) + (b - '0');
        }

        return index;
    }
}
