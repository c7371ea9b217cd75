using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using RaftOrchestrator.Api.Core;
using RaftOrchestrator.Api.Serialization;
using RaftOrchestrator.Integration.Tests.Harness;

namespace RaftOrchestrator.Integration.Tests.Kube;

/// <summary>Valid ConfigMaps of random names, labels, annotations and data: created over JSON, read back over MessagePack, lossless.</summary>
public sealed partial class MalformedRequestTests
{
    private const string MessagePackType = "application/vnd.raftorchestrator.msgpack";

    private static Gen<string> Chars(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);

    /// <summary>A DNS-1123 label: lower-case alphanumerics and '-', alphanumeric at both ends.</summary>
    private static Gen<string> DnsLabel => Gen.OneOf(
        Chars("abcdefghijklmnopqrstuvwxyz0123456789", 1, 1),
        from first in Chars("abcdefghijklmnopqrstuvwxyz0123456789", 1, 1)
        from middle in Chars("abcdefghijklmnopqrstuvwxyz0123456789-", 0, 20)
        from last in Chars("abcdefghijklmnopqrstuvwxyz0123456789", 1, 1)
        select first + middle + last);

    /// <summary>A label name: alphanumeric at both ends, '-', '_' and '.' between, at most 63.</summary>
    private static Gen<string> QualifiedName =>
        from first in Chars("abcXYZ019", 1, 1)
        from middle in Chars("aZ9-_.", 0, 30)
        from last in Chars("zA0", 0, 1)
        select middle.Length > 0 && last.Length == 0 ? first : first + middle + last;

    private static Gen<string> LabelKey => Gen.OneOf(
        QualifiedName,
        from prefix in Gen.ListOf(DnsLabel) from name in QualifiedName
        select string.Join(".", prefix.Take(3).DefaultIfEmpty("example")) + "/" + name);

    private static Gen<string> AnyText => Chars("aZ9 \n\t\0é\u2028\"\\{}:-\uffff", 0, 40).Select(s => s.Replace("\uffff", "\ud83d\ude00", StringComparison.Ordinal));

    private static Gen<Dictionary<string, T>> Map<T>(Gen<string> keys, Gen<T> values) =>
        Gen.ListOf(Gen.Zip(keys, values)).Select(pairs => pairs.Take(8).DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2));

    private static Gen<ConfigMap> RandomConfigMap =>
        from labels in Gen.ListOf(DnsLabel)
        from labelMap in Map(LabelKey, Gen.OneOf(Gen.Constant(""), QualifiedName))
        from annotations in Map(LabelKey, AnyText)
        from data in Map(Chars("aZ9-._", 1, 30).Where(k => k is not "." and not ".."), AnyText)
        from binary in Map(Chars("aZ9-_", 1, 20).Select(k => "bin." + k), Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)))
        from immutable in Gen.Elements<bool?>(null, false, true)
        select new ConfigMap
        {
            Metadata = new() { Name = string.Join(".", labels.Take(3)), Labels = labelMap, Annotations = annotations },
            Data = data,
            BinaryData = binary,
            Immutable = immutable,
        };

    [Fact]
    public async Task RandomConfigMap_CreatedOverJson_ReadsBackOverMessagePackLosslessly()
    {
        await CheckAsync(200, RandomConfigMap, async sent =>
        {
            string name = (sent.Metadata.Name is { Length: > 0 } n ? n + "." : "") + NextName("rt");
            sent.Metadata.Name = name;
            string json = JsonSerializer.Serialize(sent, ApiJson.TypeInfo<ConfigMap>());
            RawReply created = await _api.SendAsync("POST", ConfigMaps, "application/json", json);
            Assert.True(created.Code == 201, $"{created.Request} -> {created.Code}: {created.Text}");

            RawReply read = await _api.SendAsync("GET", $"{ConfigMaps}/{name}", accept: MessagePackType);
            Assert.Equal(200, read.Code);
            Assert.Equal(MessagePackType, read.ContentType);
            ConfigMap back = ApiMessagePack.Deserialize<ConfigMap>(read.Body);

            Assert.Equal("v1", back.ApiVersion);
            Assert.Equal("ConfigMap", back.Kind);
            Assert.Equal(name, back.Metadata.Name);
            Assert.Equal("fuzz", back.Metadata.Namespace);
            Assert.Equal(Sorted(sent.Metadata.Labels), Sorted(back.Metadata.Labels));
            Assert.Equal(Sorted(sent.Metadata.Annotations), Sorted(back.Metadata.Annotations));
            Assert.Equal(Sorted(sent.Data), Sorted(back.Data));
            Assert.Equal(
                Sorted(sent.BinaryData).Select(p => (p.Key, Convert.ToBase64String(p.Value))),
                Sorted(back.BinaryData).Select(p => (p.Key, Convert.ToBase64String(p.Value))));
            Assert.Equal(sent.Immutable, back.Immutable);
        });
        await AssertTargetsIntactAsync();
    }

    /// <summary>Entries in key order; an absent map and an empty one are the same (omitempty).</summary>
    private static KeyValuePair<string, T>[] Sorted<T>(Dictionary<string, T>? map) =>
        map is null ? [] : [.. map.OrderBy(p => p.Key, StringComparer.Ordinal)];
}
